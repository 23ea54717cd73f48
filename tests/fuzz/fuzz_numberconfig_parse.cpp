// libFuzzer target for numcfg::parseImportFile (JSON page/list/object, ReferPhone export, CSV).
// Beyond "no crash, no sanitizer report, no hang", it checks the promises the preview and the
// planner rely on, so a parser that lets bad values through fails too.
#include "numberconfig/import_parser.h"
#include "numberconfig/number_fields.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *promise) {
    if (!condition) {
        std::fprintf(stderr, "parseImportFile broke its promise: %s\n", promise);
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const numcfg::ImportDocument document = numcfg::parseImportFile(bytes);
    for (const numcfg::Issue &issue : document.allIssues()) {
        require(!issue.message.isEmpty(), "every issue says what is wrong");
    }
    for (const numcfg::NumberEntry &entry : document.entries) {
        require(!entry.location.isEmpty(), "every entry has a location");
        for (const numcfg::Issue &issue : entry.issues) {
            require(issue.location == entry.location, "entry issues carry the entry's location");
        }
        if (!entry.issues.isEmpty()) {
            continue;
        }
        require(!entry.phoneNumber().isEmpty(), "a clean entry has a phone number");
        for (auto it = entry.values.begin(); it != entry.values.end(); ++it) {
            const auto field = numcfg::fieldByName(it.key());
            require(field.has_value(), "values are keyed by known CamelCase fields");
            require(field->camelName == it.key(), "values use the CamelCase spelling");
            QString normalized;
            require(!numcfg::checkValue(*field, it.value(), &normalized),
                    "a kept value passes its own check");
            require(normalized == it.value(), "kept values are already normalized");
        }
    }
    return 0;
}
