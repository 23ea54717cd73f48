#pragma once
// RFC 4180 CSV: comma separated, '"' quoting with "" as an escaped quote, CRLF or LF line ends,
// line breaks allowed inside quoted cells. Pure functions.
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace numcfg {

struct CsvRecord {
    int line = 0;  // 1-based line where the record starts
    QStringList cells;
};

struct CsvParseResult {
    QList<CsvRecord> records;      // blank lines are skipped
    std::optional<QString> error;  // "line 7: unterminated quoted cell" and the like
};

CsvParseResult parseCsv(const QString &text);

// One record, quoting cells that need it; ends with "\r\n" as RFC 4180 says.
QString csvLine(const QStringList &cells);

}  // namespace numcfg
