#pragma once
// A libre timer (struct tmr) as an RAII object with a std::function callback. Runs on the
// libre thread; destroying or restarting it cancels the pending callback.
#include <QtGlobal>
#include <functional>
#include <memory>

namespace mrc {

class ReTimer {
  public:
    ReTimer();
    ~ReTimer();
    ReTimer(const ReTimer &) = delete;
    ReTimer &operator=(const ReTimer &) = delete;

    void start(qint64 delayMs, std::function<void()> callback);
    void cancel();
    bool isActive() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mrc
