#pragma once
// The Transfer Lab window: starts the bundled mini-restcomm, shows its numbers (editable, each
// edit goes through the REST API), the live ladder of its event stream, and the three phones
// (Alice, Bob, Carol) registered at it once it is ready.
#include "flow/event_stream_client.h"
#include "flow/flow_model.h"
#include "numberconfig/restcomm_client.h"
#include "numberconfig/server_numbers_model.h"
#include "ui/lab_phones.h"
#include "lab/mini_restcomm_launcher.h"

#include <QMainWindow>

class QLabel;
class QTableView;

namespace ui {

class LadderPanel;

class LabWindow : public QMainWindow {
    Q_OBJECT

  public:
    // Without a factory the Lab shows no phones (the numbers and the ladder still work).
    explicit LabWindow(LabEngineFactory engineFactory = {}, QWidget *parent = nullptr);
    ~LabWindow() override;

    lab::MiniRestcommLauncher &launcher() { return launcher_; }
    numcfg::ServerNumbersModel &numbersModel() { return numbers_; }
    flow::FlowModel &flowModel() { return flow_; }
    LadderPanel *ladderPanel() const { return ladder_; }
    QTableView *numbersView() const { return numbersView_; }
    QString statusText() const;
    LabPhones &phones() { return phones_; }
    // The instance protocol in Lab mode: "show" raises this window, the rest goes to a phone.
    QJsonObject handleRequest(const phone::InstanceRequest &request);

  signals:
    // The window was closed (not merely hidden): a Lab opened from the softphone's menu is
    // then torn down, its server and phones with it.
    void closed();

  protected:
    void closeEvent(QCloseEvent *event) override;

  public slots:
    void startServer();
    void stopServer();
    void openImportDialog();

  private:
    void onReady(const lab::MiniRestcommEndpoints &endpoints);
    void setStatus(const QString &text, bool error);

    lab::MiniRestcommLauncher launcher_;
    numcfg::RestcommClient client_;
    numcfg::ServerNumbersModel numbers_;
    flow::FlowModel flow_;
    flow::EventStreamClient stream_;
    LabPhones phones_;
    QWidget *phonesRow_;
    QTableView *numbersView_;
    LadderPanel *ladder_;
    QLabel *status_;
    QAction *start_;
    QAction *stop_;
    QAction *import_;
};

}  // namespace ui
