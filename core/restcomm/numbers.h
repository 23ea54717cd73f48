#pragma once
// Incoming-number matching as Restcomm's NumberSelectorServiceImpl does it
// (restcomm-behaviour.md §2.4), minus organizations and regex numbers:
//   1. the dialled string as-is;
//   2. its US E.164 form, when it has no '*' or '#' (see usE164Form);
//   3. the dialled string with its leading '+' removed, or with one added;
//   4. the catch-all number "*", only when the dialled string is made of digits, '*', '#'
//      and '+' (Restcomm's own guard), so a SIP name like "alice" never hits the catch-all.
// Candidates appear once, first occurrence wins.
#include <QString>
#include <QStringList>

#include <optional>

namespace mrc {

inline constexpr QLatin1StringView kCatchAllNumber{"*"};

// What libphonenumber's format(parse(x, "US"), E164) gives for plain digit strings:
// "+digits" when x starts with '+', "+digits" for 11 digits starting with 1, otherwise
// "+1digits" (so "1112" -> "+11112", "2223334444" -> "+12223334444"). Empty when x has no
// E.164 form (fewer than 2 or more than 17 digits, or characters other than digits and a
// leading '+').
QString usE164Form(const QString &dialled);

// The ordered lookup keys for `dialled` (steps 1-4 above).
QStringList numberCandidates(const QString &dialled);

// Index in `numbers` of the number `dialled` reaches, or nullopt. Numbers are compared
// verbatim (exact string equality), the first candidate present wins.
std::optional<qsizetype> matchNumberIndex(const QString &dialled, const QStringList &numbers);

}  // namespace mrc
