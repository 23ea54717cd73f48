#pragma once
// The Transfer Lab's ladder pane: the ladder view, a side pane with the full text of the
// selected message, and Clear / Export as PNG / Export as text.
#include "flow/flow_model.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QPlainTextEdit;
class QPushButton;

namespace ui {

class LadderView;

class LadderPanel : public QWidget {
    Q_OBJECT

  public:
    explicit LadderPanel(flow::FlowModel *model, QWidget *parent = nullptr);

    LadderView *view() const { return view_; }
    QPlainTextEdit *detailPane() const { return detail_; }
    QPushButton *clearButton() const { return clear_; }
    QCheckBox *showMediaBox() const { return showMedia_; }
    // The lines of the detail pane drawn highlighted: a transfer's Refer-To / Referred-By and
    // the refer fetch's Transferor, Transferee and ReferTarget.
    QStringList highlightedDetailLines() const;

    // Write the ladder; an error text when the file could not be written (nothing is left
    // half-written: QSaveFile).
    std::optional<QString> exportPng(const QString &path) const;
    std::optional<QString> exportText(const QString &path) const;

  private:
    void showEntry(int row);
    void highlightTransferLines();
    void chooseExport(bool png);

    flow::FlowModel *model_;
    LadderView *view_;
    QPlainTextEdit *detail_;
    QPushButton *clear_;
    QCheckBox *showMedia_;  // the relay's media notes on the ladder or not
};

}  // namespace ui
