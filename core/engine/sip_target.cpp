#include "engine/sip_target.h"

#include <QRegularExpression>

namespace engine {
namespace {

// RFC 3261 user part: unreserved / escaped / user-unreserved ("&=+$,;?/").
const QRegularExpression &userPattern() {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+$)"));
    return pattern;
}

// Digits as people type them: spaces, dashes, dots and parentheses are dropped.
QString dialableNumber(const QString &text) {
    static const QRegularExpression separators(QStringLiteral(R"([\s\-.()])"));
    static const QRegularExpression number(QStringLiteral(R"(^\+?[0-9*#]+$)"));
    QString compact = text;
    compact.remove(separators);
    return number.match(compact).hasMatch() ? compact : QString();
}

bool validPort(const QString &port) {
    bool numeric = false;
    const int value = port.toInt(&numeric);
    return numeric && value >= 1 && value <= 65535 && !port.startsWith(QLatin1Char('+'));
}

// URI parameters after the host: ";name[=value]" repeated, no spaces or brackets.
bool validParameters(const QString &parameters) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:;[A-Za-z0-9\-_.!~*'%]+(?:=[A-Za-z0-9\-_.!~*'%\[\]:/&+$]*)?)*$)"));
    return pattern.match(parameters).hasMatch();
}

}  // namespace

QString stripAngleBrackets(const QString &uri) {
    const QString trimmed = uri.trimmed();
    if (trimmed.startsWith(QLatin1Char('<')) && trimmed.endsWith(QLatin1Char('>'))) {
        return trimmed.mid(1, trimmed.size() - 2).trimmed();
    }
    return trimmed;
}

bool isValidHostPort(const QString &hostPort) {
    static const QRegularExpression hostname(QStringLiteral(
        R"(^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.?$)"));
    static const QRegularExpression ipv4(
        QStringLiteral(R"(^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$)"));
    static const QRegularExpression ipv6(QStringLiteral(R"(^\[[0-9A-Fa-f:.]+\]$)"));
    QString host = hostPort;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0) {
            return false;
        }
        const QString rest = host.mid(close + 1);
        if (!rest.isEmpty() && !(rest.startsWith(QLatin1Char(':')) && validPort(rest.mid(1)))) {
            return false;
        }
        return ipv6.match(host.left(close + 1)).hasMatch();
    }
    const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        if (!validPort(host.mid(colon + 1))) {
            return false;
        }
        host = host.left(colon);
    }
    if (host.isEmpty()) {
        return false;
    }
    const auto v4 = ipv4.match(host);
    if (v4.hasMatch()) {
        for (int i = 1; i <= 4; ++i) {
            if (v4.captured(i).toInt() > 255) {
                return false;
            }
        }
        return true;
    }
    // All-numeric labels that are not a valid IPv4 address are not host names either.
    static const QRegularExpression numericOnly(QStringLiteral(R"(^[0-9.]+$)"));
    return !numericOnly.match(host).hasMatch() && hostname.match(host).hasMatch();
}

SipTarget completeSipTarget(const QString &target, const QString &domain) {
    const QString text = stripAngleBrackets(target);
    if (text.isEmpty()) {
        return {
            {},
            QStringLiteral("The target is empty: enter a number, a user name or a SIP address.")};
    }
    if (text.size() > 512) {
        return {{}, QStringLiteral("The target is too long.")};
    }
    QString scheme;
    QString rest = text;
    if (text.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive)) {
        scheme = QStringLiteral("sip:");
        rest = text.mid(4);
    } else if (text.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive)) {
        scheme = QStringLiteral("sips:");
        rest = text.mid(5);
    }

    if (scheme.isEmpty() && !rest.contains(QLatin1Char('@'))) {
        // A bare number or user name: complete it with the account's domain.
        if (!isValidHostPort(domain)) {
            return {{},
                    QStringLiteral("The account has no usable domain (\"%1\") to complete \"%2\".")
                        .arg(domain, text)};
        }
        const QString number = dialableNumber(rest);
        if (!number.isEmpty()) {
            return {QStringLiteral("sip:%1@%2").arg(number, domain), {}};
        }
        if (userPattern().match(rest).hasMatch() && !rest.contains(QLatin1Char(';'))) {
            return {QStringLiteral("sip:%1@%2").arg(rest, domain), {}};
        }
        return {{},
                QStringLiteral("\"%1\" is not a number, a user name or a SIP address.").arg(text)};
    }

    // user@host[:port][;params] or host[:port][;params] (only with a scheme).
    if (scheme.isEmpty()) {
        scheme = QStringLiteral("sip:");
    }
    QString user;
    QString hostPart = rest;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        user = rest.left(at);
        hostPart = rest.mid(at + 1);
        if (user.isEmpty() || !userPattern().match(user).hasMatch()) {
            return {{}, QStringLiteral("\"%1\" has an invalid user part.").arg(text)};
        }
    }
    QString parameters;
    const qsizetype semicolon = hostPart.indexOf(QLatin1Char(';'));
    if (semicolon >= 0) {
        parameters = hostPart.mid(semicolon);
        hostPart = hostPart.left(semicolon);
    }
    if (!isValidHostPort(hostPart)) {
        return {{}, QStringLiteral("\"%1\" has an invalid host \"%2\".").arg(text, hostPart)};
    }
    if (!validParameters(parameters)) {
        return {{}, QStringLiteral("\"%1\" has invalid URI parameters.").arg(text)};
    }
    return {scheme + (user.isEmpty() ? QString() : user + QLatin1Char('@')) + hostPart + parameters,
            {}};
}

}  // namespace engine
