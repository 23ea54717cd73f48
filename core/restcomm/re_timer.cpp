#include <re.h>

#include "restcomm/re_timer.h"

#include <QtGlobal>

namespace mrc {

struct ReTimer::Impl {
    struct tmr timer {};
    std::function<void()> callback;

    static void fire(void *arg) {
        auto *self = static_cast<Impl *>(arg);
        // Move out first: the callback may restart or destroy this timer.
        std::function<void()> callback = std::move(self->callback);
        self->callback = nullptr;
        if (callback) {
            callback();
        }
    }
};

ReTimer::ReTimer() : impl_(std::make_unique<Impl>()) {
    tmr_init(&impl_->timer);
}

ReTimer::~ReTimer() {
    tmr_cancel(&impl_->timer);
}

void ReTimer::start(qint64 delayMs, std::function<void()> callback) {
    impl_->callback = std::move(callback);
    tmr_start(&impl_->timer, uint64_t(qMax<qint64>(0, delayMs)), &Impl::fire, impl_.get());
}

void ReTimer::cancel() {
    tmr_cancel(&impl_->timer);
    impl_->callback = nullptr;
}

bool ReTimer::isActive() const {
    return tmr_isrunning(&impl_->timer);
}

}  // namespace mrc
