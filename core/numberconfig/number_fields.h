#pragma once
// The IncomingPhoneNumbers fields a number-config file may set, with the two spellings Restcomm
// uses: CamelCase for the REST form parameters (what we send) and snake_case for its JSON
// output (restcomm-behaviour.md part 2 §2.1). Import files may use either spelling.
#include <QList>
#include <QString>

#include <optional>

namespace numcfg {

enum class FieldKind {
    PhoneNumber,     // required, stored verbatim (pure SIP number)
    Text,            // free text (FriendlyName)
    AppReference,    // http(s) URL, a path starting with '/', or an RVD app name
    Method,          // GET or POST
    ApplicationSid,  // AP + 32 hex digits, must exist on the server
    Boolean,         // true / false
};

struct NumberField {
    QString camelName;  // form parameter, e.g. "ReferUrl"
    QString snakeName;  // JSON key, e.g. "refer_url"
    FieldKind kind;
};

// All settable fields, in Restcomm's output order (PhoneNumber first).
const QList<NumberField> &numberFields();
// Looks a column or key up by either spelling (exact case of the two spellings).
std::optional<NumberField> fieldByName(const QString &name);
// Output-only keys Restcomm prints (sid, uri, dates, *_application_name...) and input-only
// parameters that do not change a pure SIP number (isSIP, Cost, ApiVersion). Files exported by
// Restcomm carry them, so they are accepted and ignored rather than reported as unknown.
bool isIgnoredName(const QString &name);
// The capability booleans live in a "capabilities" object in Restcomm's JSON.
bool isCapabilityField(const NumberField &field);

// Normalizes and checks one value of `field` (no server knowledge). Returns the error text, or
// nullopt with `normalized` set (methods upper-cased, booleans "true"/"false", text trimmed).
std::optional<QString> checkValue(const NumberField &field, const QString &value,
                                  QString *normalized);

}  // namespace numcfg
