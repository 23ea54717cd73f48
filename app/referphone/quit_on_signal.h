#pragma once
// SIGTERM and SIGINT (kill, Ctrl+C, a session ending) quit the Qt event loop instead of ending
// the process on the spot, so that destructors run: the engines tell baresip to quit, the Lab
// stops mini-restcomm, history is written. Unix only; elsewhere it does nothing.
#include <QObject>

class QSocketNotifier;

class QuitOnSignal : public QObject {
    Q_OBJECT
  public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

  private:
    QSocketNotifier *notifier_ = nullptr;  // child QObject
};
