#pragma once
// The ladder as plain text (the Lab's "Export as text", and what tests compare):
//   lanes: Alice | Bob | Carol | mini-restcomm | app server
//   #12 12:00:00.123  Bob -> mini-restcomm  REFER sip:carol@127.0.0.1  [transfer]
//   #13 12:00:00.125  mini-restcomm: transfer refer-received (bob -> carol)  [transfer]
#include "flow/flow_model.h"

namespace flow {

QString ladderText(const FlowModel &model);

}  // namespace flow
