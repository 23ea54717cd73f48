#include "flow/flow_text.h"

namespace flow {

QString ladderText(const FlowModel &model) {
    QString text = QStringLiteral("lanes: %1\n").arg(model.lanes().join(QStringLiteral(" | ")));
    for (const FlowEntry &entry : model.entries()) {
        text += QStringLiteral("#%1 %2  ").arg(entry.seq).arg(entry.shortTime());
        if (entry.isNote()) {
            text += QStringLiteral("%1: %2").arg(entry.fromLane, entry.label);
        } else {
            text += QStringLiteral("%1 -> %2  %3").arg(entry.fromLane, entry.toLane, entry.label);
        }
        if (entry.highlight) {
            text += QStringLiteral("  [transfer]");
        }
        text += u'\n';
    }
    return text;
}

}  // namespace flow
