#pragma once
// Completion for the dial field and the transfer target: contacts first, then recent peers
// from the history, then extra names (the Lab supplies its phones' numbers). The inserted
// text is always a target (number, user or URI); the popup shows who it is.
#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>

class QCompleter;
class QLineEdit;

namespace phone {

class ContactsModel;
class CallHistoryModel;

class TargetCompletionModel : public QAbstractListModel {
    Q_OBJECT
  public:
    TargetCompletionModel(ContactsModel *contacts, CallHistoryModel *history,
                          QObject *parent = nullptr);

    void setExtraTargets(const QStringList &targets);
    QStringList targets() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

  private:
    void rebuild();

    struct Entry {
        QString target;  // inserted into the field (Qt::EditRole)
        QString label;   // shown in the popup (Qt::DisplayRole)
    };
    QPointer<ContactsModel> contacts_;
    QPointer<CallHistoryModel> history_;
    QStringList extra_;
    QList<Entry> entries_;
};

// A completer over `model` for `field`: case-insensitive, matching anywhere in the target.
QCompleter *attachTargetCompleter(QLineEdit *field, TargetCompletionModel *model);

}  // namespace phone
