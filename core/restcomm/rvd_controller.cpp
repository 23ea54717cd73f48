#include "restcomm/rvd_controller.h"

#include "restcomm/event_sink.h"
#include "restcomm/form_encoding.h"
#include "restcomm/rvd_render.h"
#include "restcomm/rvd_store.h"

#include <QRegularExpression>

namespace mrc {

namespace {

void publishWarning(EventSink *events, const QString &appName, const QString &message) {
    if (events != nullptr) {
        events->publish(QJsonObject{{QStringLiteral("type"), QStringLiteral("warning")},
                                    {QStringLiteral("source"), QStringLiteral("rvd")},
                                    {QStringLiteral("app"), appName},
                                    {QStringLiteral("message"), message}});
    }
}

HttpResponse xmlResponse(QByteArray rcml) {
    HttpResponse response;
    response.contentType = "application/xml";
    response.body = std::move(rcml);
    return response;
}

HttpResponse textResponse(int status, const QString &text) {
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain";
    response.body = text.toUtf8();
    return response;
}

// Absolute when the request says which host it was sent to, so the RCML side never has to
// resolve a relative action URL; RVD's own relative "controller" otherwise.
QString controllerUrlOf(const HttpRequest &request) {
    QByteArray host = request.header("Host");
    if (host.isEmpty() || request.path.isEmpty()) {
        return QStringLiteral("controller");
    }
    // libre's HTTP client (mini-restcomm's own fetcher) sends "Host: 127.0.0.1" without the
    // port; an action URL built from it would go to port 80.
    const bool hasPort = host.startsWith('[') ? host.contains("]:") : host.contains(':');
    if (!hasPort && request.localPort != 0 && request.localPort != 80) {
        host += ':' + QByteArray::number(request.localPort);
    }
    return QStringLiteral("http://") + QString::fromLatin1(host) +
           QString::fromLatin1(request.path.toUtf8().toPercentEncoding("/"));
}

}  // namespace

std::optional<QString> rvdAppFromPath(const QString &path) {
    static const QRegularExpression controller(
        QStringLiteral("^/(?:restcomm-rvd|visual-designer)/services/apps/([^/]+)/controller/?$"));
    const QRegularExpressionMatch match = controller.match(path);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return match.captured(1);
}

QString rvdControllerPath(const QString &appName) {
    return QStringLiteral("/restcomm-rvd/services/apps/%1/controller").arg(appName);
}

HttpResponse handle(const RvdStore &store, const QString &appName, const HttpRequest &request,
                    EventSink *events) {
    Params params = request.query;
    if (request.method == QLatin1String("POST")) {
        if (request.contentType.isEmpty() ||
            request.contentType == "application/x-www-form-urlencoded") {
            params += formDecode(request.body);
        }
    } else if (request.method != QLatin1String("GET")) {
        HttpResponse response = textResponse(405, QStringLiteral("use GET or POST\n"));
        response.headers.append(qMakePair(QByteArray("Allow"), QByteArray("GET, POST")));
        return response;
    }

    auto loaded = store.get(appName);
    if (const auto *error = std::get_if<RvdStoreError>(&loaded)) {
        if (error->kind == RvdStoreError::Kind::NotFound ||
            error->kind == RvdStoreError::Kind::InvalidName) {
            return textResponse(404, error->message + QLatin1Char('\n'));
        }
        publishWarning(events, appName, error->message);  // RVD: any failure -> Hangup
        return xmlResponse(hangupRcml());
    }

    const RenderResult result =
        render(std::get<rvd::Project>(loaded), appName, params, controllerUrlOf(request));
    for (const QString &warning : result.warnings) {
        publishWarning(events, appName, warning);
    }
    if (!result.ok()) {
        publishWarning(events, appName, result.error);
    }
    return xmlResponse(result.rcml);
}

}  // namespace mrc
