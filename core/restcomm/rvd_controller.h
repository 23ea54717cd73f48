#pragma once
// The RVD controller endpoint (restcomm-behaviour.md part 2 §5.1):
//   GET|POST {ctx}/services/apps/{name}/controller, ctx = /restcomm-rvd or /visual-designer.
// Pure request -> response over an RvdStore; the HTTP server adapter routes here.
#include "restcomm/http_types.h"

#include <QString>
#include <optional>

namespace mrc {

class EventSink;
class RvdStore;

// The app name when `path` is a controller path of either context, else nullopt.
std::optional<QString> rvdAppFromPath(const QString &path);
// The controller path mini-restcomm publishes for `appName` (the /restcomm-rvd context), the
// URL a bare RVD app name in voice_url / refer_url stands for.
QString rvdControllerPath(const QString &appName);

// GET reads the query; POST reads the form body merged after the query. Answers 200
// application/xml RCML; 404 for an unknown app; 405 for other methods. When interpretation
// fails it answers, like RVD, 200 <Response><Hangup/></Response>, and publishes the reason as a
// "warning" event on `events` (when given) together with any render warnings.
HttpResponse handle(const RvdStore &store, const QString &appName, const HttpRequest &request,
                    EventSink *events = nullptr);

}  // namespace mrc
