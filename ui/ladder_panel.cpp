#include "ui/ladder_panel.h"

#include "flow/flow_text.h"
#include "ui/ladder_view.h"
#include "ui/save_file.h"

#include <QBuffer>
#include <QCheckBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace ui {

LadderPanel::LadderPanel(flow::FlowModel *model, QWidget *parent)
    : QWidget(parent),
      model_(model),
      view_(new LadderView),
      detail_(new QPlainTextEdit),
      clear_(new QPushButton(tr("Clear"))),
      showMedia_(new QCheckBox(tr("Media events"))) {
    view_->setModel(model);
    detail_->setReadOnly(true);
    detail_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    detail_->setPlaceholderText(tr("Click a message in the ladder to see it in full."));
    detail_->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *exportPngButton = new QPushButton(tr("Export as PNG\u2026"));
    auto *exportTextButton = new QPushButton(tr("Export as text\u2026"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(clear_);
    showMedia_->setToolTip(
        tr("Show the relay's media notes (legs bridged, ringback, RTP "
           "learned) between the SIP messages."));
    showMedia_->setChecked(model_->isKindShown(flow::EntryKind::Media));
    buttons->addWidget(showMedia_);
    buttons->addStretch();
    buttons->addWidget(exportPngButton);
    buttons->addWidget(exportTextButton);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(view_);
    splitter->addWidget(detail_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({1000, 380});  // the ladder gets most of the width

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(view_, &LadderView::entrySelected, this, &LadderPanel::showEntry);
    connect(clear_, &QPushButton::clicked, model_, &flow::FlowModel::clear);
    connect(showMedia_, &QCheckBox::toggled, model_,
            [this](bool shown) { model_->setKindShown(flow::EntryKind::Media, shown); });
    connect(model_, &flow::FlowModel::shownKindsChanged, showMedia_, [this] {
        const QSignalBlocker quiet(showMedia_);
        showMedia_->setChecked(model_->isKindShown(flow::EntryKind::Media));
    });
    connect(model_, &QAbstractItemModel::modelReset, detail_, &QPlainTextEdit::clear);
    connect(exportPngButton, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(exportTextButton, &QPushButton::clicked, this, [this] { chooseExport(false); });
}

void LadderPanel::showEntry(int row) {
    if (row < 0 || row >= model_->rowCount()) {
        detail_->clear();
        return;
    }
    const flow::FlowEntry &entry = model_->entry(row);
    QString header = QStringLiteral("#%1  %2  ").arg(entry.seq).arg(entry.shortTime());
    header += entry.isNote() ? entry.fromLane
                             : QStringLiteral("%1 \u2192 %2").arg(entry.fromLane, entry.toLane);
    detail_->setPlainText(header + QStringLiteral("\n\n") + entry.fullText);
    highlightTransferLines();
}

void LadderPanel::highlightTransferLines() {
    // What a transfer is about, found by eye at once in a long message or parameter list.
    static const QRegularExpression transferLine(
        QStringLiteral(R"(^\s*(Refer-To:|Referred-By:|Transferor=|Transferee=|ReferTarget=))"),
        QRegularExpression::CaseInsensitiveOption);
    QTextCharFormat format;
    format.setBackground(QColor(0xff, 0xe0, 0xc8));
    format.setFontWeight(QFont::Bold);
    format.setProperty(QTextFormat::FullWidthSelection, true);
    QList<QTextEdit::ExtraSelection> selections;
    for (QTextBlock block = detail_->document()->begin(); block.isValid(); block = block.next()) {
        if (transferLine.match(block.text()).hasMatch()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.format = format;
            selections.append(selection);
        }
    }
    detail_->setExtraSelections(selections);
}

QStringList LadderPanel::highlightedDetailLines() const {
    QStringList lines;
    for (const QTextEdit::ExtraSelection &selection : detail_->extraSelections()) {
        lines.append(selection.cursor.block().text().trimmed());
    }
    return lines;
}

std::optional<QString> LadderPanel::exportPng(const QString &path) const {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!view_->renderImage().save(&buffer, "PNG")) {
        return tr("cannot encode the ladder as PNG");
    }
    return saveWholeFile(path, png);
}

std::optional<QString> LadderPanel::exportText(const QString &path) const {
    return saveWholeFile(path, flow::ladderText(*model_).toUtf8());
}

void LadderPanel::chooseExport(bool png) {
    const QString path = QFileDialog::getSaveFileName(
        this, png ? tr("Export ladder as PNG") : tr("Export ladder as text"),
        png ? QStringLiteral("ladder.png") : QStringLiteral("ladder.txt"),
        png ? tr("PNG images (*.png)") : tr("Text files (*.txt)"));
    if (path.isEmpty()) {
        return;
    }
    if (const auto error = png ? exportPng(path) : exportText(path)) {
        QMessageBox::warning(this, tr("Export failed"), *error);
    }
}

}  // namespace ui
