#pragma once
// The Transfer Lab window: starts the bundled mini-restcomm, shows its numbers (editable, each
// edit goes through the REST API) and the live ladder of its event stream. The phones' own
// widgets come with the engine (core/engine) and are not part of this window yet.
#include "flow/event_stream_client.h"
#include "flow/flow_model.h"
#include "numberconfig/restcomm_client.h"
#include "numberconfig/server_numbers_model.h"
#include "ui/mini_restcomm_launcher.h"

#include <QMainWindow>

class QLabel;
class QTableView;

namespace ui {

class LadderPanel;

class LabWindow : public QMainWindow {
    Q_OBJECT

  public:
    explicit LabWindow(QWidget *parent = nullptr);

    MiniRestcommLauncher &launcher() { return launcher_; }
    numcfg::ServerNumbersModel &numbersModel() { return numbers_; }
    flow::FlowModel &flowModel() { return flow_; }
    LadderPanel *ladderPanel() const { return ladder_; }
    QTableView *numbersView() const { return numbersView_; }
    QString statusText() const;

  public slots:
    void startServer();
    void stopServer();
    void openImportDialog();

  private:
    void onReady(const MiniRestcommEndpoints &endpoints);
    void setStatus(const QString &text, bool error);

    MiniRestcommLauncher launcher_;
    numcfg::RestcommClient client_;
    numcfg::ServerNumbersModel numbers_;
    flow::FlowModel flow_;
    flow::EventStreamClient stream_;
    QTableView *numbersView_;
    LadderPanel *ladder_;
    QLabel *status_;
    QAction *start_;
    QAction *stop_;
    QAction *import_;
};

}  // namespace ui
