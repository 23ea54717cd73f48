#pragma once
// Table model of an import preview: one row per entry of the file, with what applying it will
// do on the server (create / skip / replace) and every problem found, file-level and
// server-level. Existing numbers are skipped unless their "replace" box is checked.
// Qt Core only (QAbstractTableModel), so it is tested without widgets.
#include "numberconfig/import_plan.h"
#include "numberconfig/number_entry.h"

#include <QAbstractTableModel>
#include <QSet>

#include <optional>

namespace numcfg {

class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column {
        Location,
        PhoneNumber,
        FriendlyName,
        VoiceTarget,
        ReferTarget,
        Action,
        Problems,
        ColumnCount
    };
    enum class RowAction { Invalid, Unchecked, Create, Skip, Replace };
    // int(RowAction) of the row, so that views can colour rows without parsing text.
    static constexpr int RowActionRole = Qt::UserRole + 1;

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setDocument(const ImportDocument &document);
    const ImportDocument &document() const { return document_; }
    // The server state rows are checked against; without one, rows are "not checked yet".
    void setServer(const ServerSnapshot &server);
    void clearServer();
    const std::optional<ServerSnapshot> &server() const { return server_; }

    RowAction rowAction(int row) const;
    QList<Issue> rowIssues(int row) const;  // file and server problems of one entry
    QList<Issue> allIssues() const;         // file-level first, then per row
    void setReplace(int row, bool replace);
    QSet<int> replaceRows() const { return replaceRows_; }
    // The steps to run, or the issues that stop the import (also when no server is known).
    std::variant<QList<ApplyStep>, QList<Issue>> plan() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

  private:
    QString target(int row, const QString &urlField, const QString &appField) const;

    ImportDocument document_;
    std::optional<ServerSnapshot> server_;
    QList<QList<Issue>> serverIssues_;  // per row
    QSet<int> replaceRows_;
};

}  // namespace numcfg
