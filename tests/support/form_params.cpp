#include "form_params.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace rptest {

Params decodeForm(const QByteArray &encoded) {
    Params out;
    for (QByteArray pair : encoded.split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray val = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(val))});
    }
    return out;
}

QByteArray encodeForm(const Params &params) {
    QByteArray out;
    for (const auto &[name, val] : params) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += name.toUtf8().toPercentEncoding() + '=' + val.toUtf8().toPercentEncoding();
    }
    return out;
}

QString value(const Params &params, const QString &name, const QString &fallback) {
    for (const auto &[key, val] : params) {
        if (key == name) {
            return val;
        }
    }
    return fallback;
}

bool contains(const Params &params, const QString &name) {
    for (const auto &entry : params) {
        if (entry.first == name) {
            return true;
        }
    }
    return false;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return done();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

}  // namespace rptest
