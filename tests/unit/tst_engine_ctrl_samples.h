#pragma once
// ctrl_tcp samples for tst_engine_ctrl_protocol, verbatim shapes from baresip-engine.md §5.
// (A separate header: moc's tokenizer loses track of raw string literals.)
#include <QByteArray>

namespace ctrl_samples {
inline const QByteArray kEvent =
    R"({"event":true,"type":"CALL_INCOMING","class":"call","accountaor":"sip:bob@127.0.0.1:5072","direction":"incoming","peeruri":"sip:alice@127.0.0.1:5070","peerdisplayname":"Alice","id":"df0e596542fe09e1","param":"sip:alice@127.0.0.1:5070"})";
inline const QByteArray kResponse =
    R"({"response":true,"ok":true,"data":"setting current call: df0e\n","token":"t-2"})";
inline const QByteArray kRtcp =
    R"({"event":true,"type":"CALL_RTCP","class":"call","accountaor":"sip:a@h","direction":"outgoing","peeruri":"sip:b@h","id":"x1","param":"audio","rtcp_stats":{"tx":{"sent":268,"lost":1,"jit":1125},"rx":{"sent":260,"lost":2,"jit":1000},"rtt":0}})";
inline const QByteArray kAnsiResponse =
    R"({"response":true,"ok":true,"data":"\u001B[32mOK \u001B[;m sip:a@b","token":"x"})";
inline const QByteArray kBareEvent = R"({"event":true})";
inline const QByteArray kNoKind = R"({"x":1})";
}  // namespace ctrl_samples
