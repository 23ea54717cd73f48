#pragma once
// Saves a widget's grab() as PNG in $REFERPHONE_SCREENSHOT_DIR (nothing when unset), so that
// the look of the widgets can be checked by eye after a test run.
#include <QDir>
#include <QWidget>

namespace rptest {

inline QString saveScreenshot(QWidget &widget, const QString &name) {
    const QString dir = qEnvironmentVariable("REFERPHONE_SCREENSHOT_DIR");
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        return {};
    }
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    return widget.grab().save(path) ? path : QString();
}

}  // namespace rptest
