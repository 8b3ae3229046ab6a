#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The protocol between the desk (cti::SipProvider) and hotline-sip-engine over a QLocalSocket.
// One compact JSON object per line (UTF-8, '\n'-terminated), each with a "t" (type) member. The engine
// connects to the server name it is given, sends {"t":"hello","v":1,...} first; the desk answers with
// {"t":"configure",...}. Documented in docs/telephony.md; bump Version on any incompatible change.
namespace cti::EngineProtocol {

constexpr int Version = 1;
// A line longer than this is a protocol error (the engine is restarted): nothing legitimate comes near it.
constexpr qsizetype MaxLineBytes = 256 * 1024;

QByteArray encode(const QJsonObject &message);
// Parses one line (without the '\n'). Returns false and sets *error if it is not a JSON object with a "t".
bool decode(const QByteArray &line, QJsonObject *message, QString *error);

// Message types, desk → engine
inline constexpr char Configure[] = "configure";
inline constexpr char Ping[] = "ping";
inline constexpr char SetAccepting[] = "accepting";
inline constexpr char Answer[] = "answer";
inline constexpr char Decline[] = "decline";
inline constexpr char Hold[] = "hold";
inline constexpr char Resume[] = "resume";
inline constexpr char Mute[] = "mute";
inline constexpr char Transfer[] = "transfer";
inline constexpr char Hangup[] = "hangup";
inline constexpr char Dtmf[] = "dtmf";
inline constexpr char Shutdown[] = "shutdown";
// engine → desk
inline constexpr char Hello[] = "hello";
inline constexpr char Ready[] = "ready";
inline constexpr char Pong[] = "pong";
inline constexpr char CallMsg[] = "call";
inline constexpr char Registration[] = "registration";
inline constexpr char Error[] = "error";
inline constexpr char Fatal[] = "fatal";

} // namespace cti::EngineProtocol
