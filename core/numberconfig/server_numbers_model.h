#pragma once
// The server's IncomingPhoneNumbers as an editable table: reload() reads them through the REST
// API; editing a cell sends that one field (POST .../IncomingPhoneNumbers/{sid}) and shows the
// server's answer: the cell keeps the new value only when the server accepted it, otherwise
// it goes back and editFailed says why.
#include "numberconfig/restcomm_client.h"

#include <QAbstractTableModel>

namespace numcfg {

class ServerNumbersModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column { PhoneNumber, FriendlyName, VoiceUrl, ReferUrl, ReferApplicationSid, ColumnCount };

    explicit ServerNumbersModel(RestcommClient &client, QObject *parent = nullptr);

    void reload();
    const QList<ServerNumber> &numbers() const { return numbers_; }
    bool isLoading() const { return pending_ > 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    static QString formName(int column);  // "VoiceUrl"...
    static QString jsonKey(int column);   // "voice_url"...

  signals:
    void loaded();
    void loadFailed(const QString &message);
    void edited(int row, int column);
    void editFailed(const QString &message);

  private:
    RestcommClient &client_;
    QList<ServerNumber> numbers_;
    int pending_ = 0;
};

}  // namespace numcfg
