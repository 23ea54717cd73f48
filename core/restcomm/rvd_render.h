#pragma once
// Rendering an RVD project to RCML for one controller request, as RVD's Interpreter does
// (restcomm-behaviour.md part 2 §5.1, §5.3, §5.4). Pure: the request parameters come in, the
// RCML text goes out.
#include "restcomm/http_types.h"
#include "restcomm/rvd_project.h"

#include <QMap>
#include <optional>

namespace mrc {

namespace rvd {

// The `target` request parameter: module[.step[.action]].
struct Target {
    QString module;
    QString step;
    QString action;
};
std::optional<Target> parseTarget(const QString &target);  // nullopt when it has no module

// The variables of one rendering. Names are stored as RVD keeps them: "core_ReferTarget",
// "module_x", "sticky_y", or a request parameter's own name.
class Variables {
  public:
    // Request parameters mapped per §5.4. With `dialAction`, the Dial action parameters
    // (DialCallStatus, DialCallSid, ...) become core_ variables too.
    static Variables fromRequest(const Params &params, bool dialAction);

    // Looks `name` up as-is, then as module_<name>, then sticky_<name>; unknown -> empty.
    QString value(const QString &name) const;
    // Replaces every $name (regex \$([A-Za-z]+[A-Za-z0-9_]*)) by value(name).
    QString substitute(const QString &text) const;

    void set(const QString &fullName, const QString &value) { values_[fullName] = value; }
    void clearModuleVariables();
    // sticky_* and module_* variables, to be carried as query parameters of action URLs.
    Params persistent() const;

  private:
    QMap<QString, QString> values_;
};

}  // namespace rvd

struct RenderResult {
    QByteArray rcml;  // always a usable document: <Response><Hangup/></Response> on error
    QString error;    // empty on success; otherwise what failed, naming node/step/field
    QStringList warnings;
    bool ok() const { return error.isEmpty(); }
};

// controllerUrl: the URL this project's controller is reached at, used for Dial actions and
// Redirect `next` ("controller" relative URL when empty), and for local Play files.
RenderResult render(const rvd::Project &project, const QString &appName,
                    const Params &requestParams, const QString &controllerUrl);

// The document RVD answers with whenever interpretation fails.
QByteArray hangupRcml();

}  // namespace mrc
