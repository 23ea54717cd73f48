#pragma once
// Reads a number-config file into an ImportDocument (pure, no I/O, never throws):
//  - Restcomm IncomingPhoneNumbers JSON: a page object ("incomingPhoneNumbers", or Twilio's
//    "incoming_phone_numbers", beside the paging fields), a bare array, or one number object;
//  - ReferPhone's own export ({"referphone_config": 1, "incoming_phone_numbers": [...]});
//  - CSV with a header row naming the columns in CamelCase or snake_case.
// Every problem is recorded with its place (line / array index) and field; reading goes on
// after a bad entry so that the preview can show all of them at once.
#include "numberconfig/number_entry.h"

#include <QByteArray>

namespace numcfg {

ImportDocument parseImportFile(const QByteArray &data);

// Marks entries whose PhoneNumber repeats an earlier entry's ("duplicate of line 3").
void markDuplicates(ImportDocument &document);

}  // namespace numcfg
