#include "restcomm/registrations.h"

namespace mrc {

QString contactKey(const QString &uri) {
    QString s = uri.trimmed();
    if (s.startsWith(u'<')) {
        s = s.mid(1);
    }
    if (const qsizetype gt = s.indexOf(u'>'); gt >= 0) {
        s = s.left(gt);
    }
    for (const QLatin1StringView scheme : {QLatin1StringView("sip:"), QLatin1StringView("sips:")}) {
        if (s.startsWith(scheme, Qt::CaseInsensitive)) {
            s = s.mid(scheme.size());
            break;
        }
    }
    if (const qsizetype semi = s.indexOf(u';'); semi >= 0) {
        s = s.left(semi);
    }
    if (const qsizetype q = s.indexOf(u'?'); q >= 0) {
        s = s.left(q);
    }
    const qsizetype at = s.lastIndexOf(u'@');
    return at < 0 ? s.toLower() : s.left(at + 1) + s.mid(at + 1).toLower();
}

bool RegistrationTable::update(const QString &login, const Binding &binding, qint64 expiresSec,
                               qint64 nowMs) {
    QList<Binding> &list = bindings_[login];
    const QString key = contactKey(binding.contactUri);
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (contactKey(list[i].contactUri) != key) {
            continue;
        }
        if (list[i].callId == binding.callId && binding.cseq <= list[i].cseq) {
            return false;
        }
        if (expiresSec <= 0) {
            list.removeAt(i);
        } else {
            list[i] = binding;
            list[i].expiresAtMs = nowMs + expiresSec * 1000;
        }
        if (list.isEmpty()) {
            bindings_.remove(login);
        }
        return true;
    }
    if (expiresSec > 0) {
        Binding added = binding;
        added.expiresAtMs = nowMs + expiresSec * 1000;
        list.append(added);
    } else if (list.isEmpty()) {
        bindings_.remove(login);
    }
    return true;
}

void RegistrationTable::removeAll(const QString &login) {
    bindings_.remove(login);
}

QList<Binding> RegistrationTable::contacts(const QString &login, qint64 nowMs) const {
    QList<Binding> live;
    for (const Binding &b : bindings_.value(login)) {
        if (b.expiresAtMs > nowMs) {
            live.append(b);
        }
    }
    return live;
}

bool RegistrationTable::isRegistered(const QString &login, qint64 nowMs) const {
    return !contacts(login, nowMs).isEmpty();
}

std::optional<QString> RegistrationTable::loginForContact(const QString &contactUri,
                                                          qint64 nowMs) const {
    const QString key = contactKey(contactUri);
    for (auto it = bindings_.cbegin(); it != bindings_.cend(); ++it) {
        for (const Binding &b : it.value()) {
            if (b.expiresAtMs > nowMs && contactKey(b.contactUri) == key) {
                return it.key();
            }
        }
    }
    return std::nullopt;
}

void RegistrationTable::expire(qint64 nowMs) {
    for (auto it = bindings_.begin(); it != bindings_.end();) {
        it.value().removeIf([nowMs](const Binding &b) { return b.expiresAtMs <= nowMs; });
        it = it.value().isEmpty() ? bindings_.erase(it) : std::next(it);
    }
}

int RegistrationTable::bindingCount() const {
    int n = 0;
    for (const auto &list : bindings_) {
        n += int(list.size());
    }
    return n;
}

}  // namespace mrc
