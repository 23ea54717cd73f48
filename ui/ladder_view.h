#pragma once
// Draws the flow model as a ladder (message sequence chart), like Wireshark's Flow Sequence:
// lane headers, one vertical lifeline per lane, one row per entry with an arrow (or a note box
// when an entry stays on one lane), its label and time; transfer messages in a highlight
// colour. Clicking a row selects it and emits entrySelected. The view only renders; every
// fact comes from the model.
#include "flow/flow_model.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QPointer>

class QPainter;

namespace ui {

class LadderView : public QAbstractScrollArea {
    Q_OBJECT

  public:
    static constexpr int kTimeWidth = 100;
    static constexpr int kLaneWidth = 160;
    static constexpr int kHeaderHeight = 36;
    static constexpr int kRowHeight = 30;
    static constexpr int kBottomMargin = 10;

    explicit LadderView(QWidget *parent = nullptr);

    void setModel(flow::FlowModel *model);
    flow::FlowModel *model() const { return model_; }

    QSize diagramSize() const;  // the whole ladder, header included
    int currentRow() const { return currentRow_; }
    void setCurrentRow(int row);
    int rowAt(int viewportY) const;
    // Horizontal extent of entry `row`'s arrow in diagram coordinates (tests click on it).
    QRect rowRect(int row) const;
    // The whole ladder as an image (Export as PNG).
    QImage renderImage() const;

  signals:
    void entrySelected(int row);

  protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

  private:
    void modelChanged();
    void updateScrollBars();
    int laneCentre(int lane) const;
    // Draws rows [first, last] with the diagram's origin at (0, 0); the header at headerY.
    void paintDiagram(QPainter &painter, int firstRow, int lastRow, int headerY, int height) const;
    void paintRow(QPainter &painter, int row) const;

    QPointer<flow::FlowModel> model_;
    int currentRow_ = -1;
};

}  // namespace ui
