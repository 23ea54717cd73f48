#pragma once
// A small address book: name + target (number, user name or SIP URI), editable in place,
// persisted as JSON with atomic writes; loading skips entries without a target.
#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace phone {

struct Contact {
    QString name;
    QString target;
    bool operator==(const Contact &) const = default;
};

class ContactsModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Name, Target, ColumnCount };
    enum Role { TargetRole = Qt::UserRole + 1 };

    explicit ContactsModel(QString path, QObject *parent = nullptr);

    QString load();  // readable warning, empty if fine
    QString addContact(const Contact &contact);
    QList<Contact> contacts() const { return contacts_; }
    // The name of the contact whose target is `target` (or whose target completes to the same
    // user part); empty when none.
    QString nameFor(const QString &peerUri) const;
    // The last save error (edits save at once); empty when the file is current.
    QString saveError() const { return saveError_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  signals:
    void saveFailed(const QString &error);

  private:
    void save();

    QString path_;
    QList<Contact> contacts_;
    QString saveError_;
};

}  // namespace phone
