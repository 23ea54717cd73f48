#include "ui/ladder_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

namespace ui {

namespace {

const QColor kHighlight(0xd9, 0x5f, 0x0e);  // transfer messages
const QColor kArrow(0x30, 0x30, 0x30);
const QColor kLifeline(0xb0, 0xb0, 0xb0);
const QColor kHeaderFill(0xe8, 0xee, 0xf6);
const QColor kSelected(0xcc, 0xe4, 0xff);
const QColor kNoteFill(0xff, 0xf8, 0xdc);
const QColor kHighlightNoteFill(0xfd, 0xe3, 0xcf);

}  // namespace

LadderView::LadderView(QWidget *parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setMinimumSize(300, 200);
}

void LadderView::setModel(flow::FlowModel *model) {
    if (model_) {
        disconnect(model_, nullptr, this, nullptr);
    }
    model_ = model;
    currentRow_ = -1;
    if (model_) {
        connect(model_, &QAbstractItemModel::rowsInserted, this, [this] {
            // Follow new events when the user is looking at the end of the ladder.
            const bool atEnd =
                verticalScrollBar()->value() >= verticalScrollBar()->maximum() - kRowHeight;
            modelChanged();
            if (atEnd) {
                verticalScrollBar()->setValue(verticalScrollBar()->maximum());
            }
        });
        connect(model_, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    // Old entries dropped from the top: the selection moves up with its row.
                    if (currentRow_ > last) {
                        currentRow_ -= last - first + 1;
                    } else if (currentRow_ >= first) {
                        currentRow_ = -1;
                    }
                    modelChanged();
                });
        connect(model_, &QAbstractItemModel::modelReset, this, [this] {
            currentRow_ = -1;
            modelChanged();
        });
        connect(model_, &flow::FlowModel::lanesChanged, this, &LadderView::modelChanged);
    }
    modelChanged();
}

void LadderView::modelChanged() {
    updateScrollBars();
    viewport()->update();
}

QSize LadderView::diagramSize() const {
    const int lanes = model_ ? int(model_->lanes().size()) : 0;
    const int rows = model_ ? model_->rowCount() : 0;
    return {kTimeWidth + lanes * kLaneWidth, kHeaderHeight + rows * kRowHeight + kBottomMargin};
}

void LadderView::updateScrollBars() {
    const QSize size = diagramSize();
    const QSize visible = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, size.width() - visible.width()));
    horizontalScrollBar()->setPageStep(visible.width());
    verticalScrollBar()->setRange(0, std::max(0, size.height() - visible.height()));
    verticalScrollBar()->setPageStep(visible.height());
    verticalScrollBar()->setSingleStep(kRowHeight);
}

void LadderView::resizeEvent(QResizeEvent *event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

int LadderView::laneCentre(int lane) const {
    return kTimeWidth + lane * kLaneWidth + kLaneWidth / 2;
}

int LadderView::rowAt(int viewportY) const {
    const int y = viewportY + verticalScrollBar()->value() - kHeaderHeight;
    if (!model_ || viewportY < kHeaderHeight || y < 0) {
        return -1;
    }
    const int row = y / kRowHeight;
    return row < model_->rowCount() ? row : -1;
}

QRect LadderView::rowRect(int row) const {
    if (!model_ || row < 0 || row >= model_->rowCount()) {
        return {};
    }
    const flow::FlowEntry &entry = model_->entry(row);
    const int from = laneCentre(model_->laneIndex(entry.fromLane));
    const int to = laneCentre(model_->laneIndex(entry.toLane));
    const int top = kHeaderHeight + row * kRowHeight;
    if (entry.isNote()) {
        // A note may spread over the neighbouring lanes (it has no arrow to keep clear of),
        // as wide as its text needs, but stays inside the diagram.
        QFont noteFont = font();
        noteFont.setBold(entry.highlight);
        const int textWidth = QFontMetrics(noteFont).horizontalAdvance(entry.label) + 20;
        const int width = std::clamp(textWidth, kLaneWidth - 12, 2 * kLaneWidth + kLaneWidth / 2);
        const int left = std::clamp(from - width / 2, kTimeWidth + 2,
                                    std::max(kTimeWidth + 2, diagramSize().width() - width - 2));
        return QRect(left, top, width, kRowHeight);
    }
    return QRect(std::min(from, to), top, std::abs(to - from), kRowHeight);
}

void LadderView::setCurrentRow(int row) {
    if (!model_ || row < -1 || row >= model_->rowCount()) {
        return;
    }
    currentRow_ = row;
    if (row >= 0) {
        // Keep the selected row visible below the fixed header.
        const int top = row * kRowHeight;
        const int visibleRows = viewport()->height() - kHeaderHeight;
        QScrollBar *bar = verticalScrollBar();
        if (top < bar->value()) {
            bar->setValue(top);
        } else if (top + kRowHeight > bar->value() + visibleRows) {
            bar->setValue(top + kRowHeight - visibleRows);
        }
    }
    viewport()->update();
    emit entrySelected(row);
}

void LadderView::mousePressEvent(QMouseEvent *event) {
    const int row = rowAt(int(event->position().y()));
    if (row >= 0) {
        setCurrentRow(row);
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void LadderView::keyPressEvent(QKeyEvent *event) {
    if (model_ && (event->key() == Qt::Key_Down || event->key() == Qt::Key_Up)) {
        const int step = event->key() == Qt::Key_Down ? 1 : -1;
        setCurrentRow(std::clamp(currentRow_ + step, 0, model_->rowCount() - 1));
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LadderView::paintEvent(QPaintEvent *) {
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const int scrollX = horizontalScrollBar()->value();
    const int scrollY = verticalScrollBar()->value();
    painter.translate(-scrollX, -scrollY);
    const int rows = model_ ? model_->rowCount() : 0;
    const int first = std::max(0, (scrollY) / kRowHeight - 1);
    const int last = std::min(rows - 1, (scrollY + viewport()->height()) / kRowHeight + 1);
    paintDiagram(painter, first, last, scrollY, scrollY + viewport()->height());
}

QImage LadderView::renderImage() const {
    QImage image(diagramSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font());
    paintDiagram(painter, 0, (model_ ? model_->rowCount() : 0) - 1, 0, image.height());
    return image;
}

void LadderView::paintDiagram(QPainter &painter, int firstRow, int lastRow, int headerY,
                              int height) const {
    if (!model_) {
        return;
    }
    const QStringList lanes = model_->lanes();
    // Lifelines.
    painter.setPen(QPen(kLifeline, 1, Qt::DashLine));
    for (int lane = 0; lane < lanes.size(); ++lane) {
        painter.drawLine(laneCentre(lane), headerY + kHeaderHeight, laneCentre(lane), height);
    }
    const QFont normalRows = painter.font();
    for (int row = firstRow; row <= lastRow; ++row) {
        paintRow(painter, row);
        painter.setFont(normalRows);
    }
    // Header last, so that it stays on top while the rows scroll under it.
    const int width = diagramSize().width();
    const int fillWidth =
        std::max(width, painter.device()->width() + horizontalScrollBar()->value());
    painter.fillRect(QRect(0, headerY, fillWidth, kHeaderHeight), kHeaderFill);
    const QFont normal = painter.font();
    QFont bold = normal;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(kArrow);
    painter.drawText(QRect(6, headerY, kTimeWidth - 8, kHeaderHeight),
                     Qt::AlignVCenter | Qt::AlignLeft, tr("Time (UTC)"));
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const QRect box(kTimeWidth + lane * kLaneWidth + 6, headerY + 4, kLaneWidth - 12,
                        kHeaderHeight - 8);
        painter.setPen(QPen(kLifeline, 1));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(kArrow);
        painter.drawText(
            box, Qt::AlignCenter,
            painter.fontMetrics().elidedText(lanes.at(lane), Qt::ElideMiddle, box.width() - 8));
    }
    painter.setPen(QPen(kLifeline, 1));
    painter.drawLine(0, headerY + kHeaderHeight, width, headerY + kHeaderHeight);
    painter.setFont(normal);
    painter.setBrush(Qt::NoBrush);
}

void LadderView::paintRow(QPainter &painter, int row) const {
    const flow::FlowEntry &entry = model_->entry(row);
    const int top = kHeaderHeight + row * kRowHeight;
    const int width = diagramSize().width();
    if (row == currentRow_) {
        painter.fillRect(QRect(0, top, width, kRowHeight), kSelected);
    }
    const QColor colour = entry.highlight ? kHighlight : kArrow;
    QFont font = painter.font();
    font.setBold(entry.highlight);
    painter.setFont(font);
    const QFontMetrics metrics(font);

    painter.setPen(QColor(0x60, 0x60, 0x60));
    painter.drawText(QRect(6, top, kTimeWidth - 8, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                     entry.shortTime());

    const QRect extent = rowRect(row);
    if (entry.isNote()) {
        const QRect box = extent.adjusted(0, 5, 0, -5);
        painter.setPen(QPen(colour, 1));
        painter.setBrush(entry.highlight ? kHighlightNoteFill : kNoteFill);
        painter.drawRect(box);
        painter.setBrush(Qt::NoBrush);
        painter.drawText(box.adjusted(4, 0, -4, 0), Qt::AlignCenter,
                         metrics.elidedText(entry.label, Qt::ElideRight, box.width() - 8));
        return;
    }
    const int from = laneCentre(model_->laneIndex(entry.fromLane));
    const int to = laneCentre(model_->laneIndex(entry.toLane));
    // Half-pixel centre: the line then covers whole pixel rows instead of blurring over two.
    const qreal arrowY = top + kRowHeight - 7 + 0.5;
    painter.setPen(QPen(colour, entry.highlight ? 2.2 : 1.2));
    painter.drawLine(QPointF(from, arrowY), QPointF(to - (to > from ? 6 : -6), arrowY));
    const int direction = to > from ? 1 : -1;
    QPainterPath head;
    head.moveTo(to, arrowY);
    head.lineTo(to - direction * 10, arrowY - 4.5);
    head.lineTo(to - direction * 10, arrowY + 4.5);
    head.closeSubpath();
    painter.fillPath(head, colour);
    // The label sits above the arrow, centred, elided to the arrow's span (the full text is one
    // click away in the side pane).
    // A short arrow's label may spread over the neighbouring lanes (text over a lifeline
    // stays readable), but not into the time column.
    const int span = std::abs(to - from);
    const int labelWidth = std::max(span - 10, 2 * kLaneWidth - 20);
    const int labelLeft = std::max(kTimeWidth + 2, (from + to) / 2 - labelWidth / 2);
    const QRect labelRect(labelLeft, top + 1, labelWidth, kRowHeight - 10);
    painter.setPen(colour);
    painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignBottom,
                     metrics.elidedText(entry.label, Qt::ElideRight, labelWidth));
}

}  // namespace ui
