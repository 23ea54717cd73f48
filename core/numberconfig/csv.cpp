#include "numberconfig/csv.h"

namespace numcfg {

CsvParseResult parseCsv(const QString &text) {
    CsvParseResult result;
    CsvRecord record;
    QString cell;
    bool inQuotes = false;
    bool cellWasQuoted = false;
    bool recordHasContent = false;
    int line = 1;
    int quoteLine = 0;
    record.line = 1;

    auto endCell = [&] {
        record.cells.append(cell);
        cell.clear();
        cellWasQuoted = false;
    };
    auto endRecord = [&] {
        endCell();
        // A line holding nothing at all is blank; a line of only commas still is a record.
        if (recordHasContent || record.cells.size() > 1) {
            result.records.append(record);
        }
        record = CsvRecord{};
        recordHasContent = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                cell += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!cell.isEmpty() || cellWasQuoted) {
                result.error = QStringLiteral(
                                   "line %1: a quote inside an unquoted cell (quote "
                                   "the whole cell and double the inner quotes)")
                                   .arg(line);
                return result;
            }
            inQuotes = true;
            cellWasQuoted = true;
            recordHasContent = true;
            quoteLine = line;
        } else if (c == u',') {
            recordHasContent = true;
            endCell();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
                ++i;
            }
            endRecord();
            ++line;
            record.line = line;
        } else {
            if (cellWasQuoted) {
                result.error =
                    QStringLiteral("line %1: text after the closing quote of a cell").arg(line);
                return result;
            }
            if (!c.isSpace()) {
                recordHasContent = true;
            }
            cell += c;
        }
    }
    if (inQuotes) {
        result.error = QStringLiteral("line %1: quoted cell never closed").arg(quoteLine);
        return result;
    }
    endRecord();
    return result;
}

QString csvLine(const QStringList &cells) {
    QStringList quoted;
    for (const QString &cell : cells) {
        if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') ||
            cell.contains(u'\r') || cell != cell.trimmed()) {
            QString escaped = cell;
            escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            quoted.append(u'"' + escaped + u'"');
        } else {
            quoted.append(cell);
        }
    }
    return quoted.join(u',') + QStringLiteral("\r\n");
}

}  // namespace numcfg
