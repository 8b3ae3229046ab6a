#include "smtpclient.h"

#include "logging.h"

#include <curl/curl.h>

#include <mutex>

namespace outbox {

QString SmtpConfig::url() const
{
    return QStringLiteral("%1://%2:%3")
        .arg(security == Security::Tls ? QStringLiteral("smtps") : QStringLiteral("smtp"), host)
        .arg(port);
}

namespace {

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
    const std::function<bool()> *dataComplete = nullptr;
    bool completeReported = false;
};

size_t readCallback(char *buffer, size_t size, size_t count, void *userData)
{
    auto *u = static_cast<Upload *>(userData);
    const qsizetype room = static_cast<qsizetype>(size * count);
    const qsizetype left = u->data->size() - u->offset;
    if (left <= 0) {
        if (!u->completeReported) {
            u->completeReported = true;
            if (u->dataComplete && *u->dataComplete && !(*u->dataComplete)()) {
                return CURL_READFUNC_ABORT;
            }
        }
        return 0;
    }
    const qsizetype n = std::min(room, left);
    memcpy(buffer, u->data->constData() + u->offset, static_cast<size_t>(n));
    u->offset += n;
    return static_cast<size_t>(n);
}

// Collects the server's replies (CURLINFO_HEADER_IN lines) and keeps the last complete one, with its
// continuation lines, so an error can show exactly what the server said.
struct Transcript
{
    QString current;
    QString last;
    int lastCode = 0;
    QString lastError;      // the last 4xx/5xx reply: libcurl sends QUIT after it, and "221 Bye" must
    int lastErrorCode = 0;  // not hide what went wrong
};

int debugCallback(CURL *, curl_infotype type, char *data, size_t size, void *userData)
{
    if (type != CURLINFO_HEADER_IN) {
        return 0;
    }
    qCDebug(lcSmtp) << "<" << QByteArray(data, static_cast<qsizetype>(size));
    auto *t = static_cast<Transcript *>(userData);
    const QString chunk = QString::fromUtf8(data, static_cast<qsizetype>(size));
    for (QString line : chunk.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        if (line.size() < 3) {
            continue;
        }
        t->current += (t->current.isEmpty() ? QString() : QStringLiteral("\n")) + line;
        if (line.size() == 3 || line.at(3) == QLatin1Char(' ')) {
            t->last = t->current;
            t->lastCode = line.left(3).toInt();
            if (t->lastCode >= 400) {
                t->lastError = t->last;
                t->lastErrorCode = t->lastCode;
            }
            t->current.clear();
        }
    }
    return 0;
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

SmtpResult sendMail(const SmtpConfig &config, const QString &envelopeFrom, const QStringList &recipients,
                    const QByteArray &mime, const std::function<bool()> &dataComplete)
{
    globalInit();
    SmtpResult result;
    CURL *curl = curl_easy_init();
    if (!curl) {
        result.reply = QStringLiteral("libcurl could not be initialised");
        return result;
    }
    const QByteArray url = config.url().toUtf8();
    const QByteArray from = "<" + envelopeFrom.toUtf8() + ">";
    const QByteArray user = config.user.toUtf8();
    const QByteArray password = config.password.toUtf8();
    const QByteArray ca = config.caFile.toUtf8();
    curl_slist *rcpt = nullptr;
    QList<QByteArray> rcptStorage;
    for (const QString &r : recipients) {
        rcptStorage << "<" + r.toUtf8() + ">";
        rcpt = curl_slist_append(rcpt, rcptStorage.last().constData());
    }
    Upload upload{&mime, 0, &dataComplete, false};
    Transcript transcript;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readCallback);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, debugCallback);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &transcript);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config.connectTimeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>(config.responseTimeoutSeconds));
    switch (config.security) {
    case SmtpConfig::Security::None:
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_NONE));
        break;
    case SmtpConfig::Security::StartTls:
    case SmtpConfig::Security::Tls:
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
        break;
    }
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, config.verifyPeer ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, config.verifyPeer ? 2L : 0L);
    if (!ca.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
    }
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    QByteArray helo;
    if (!config.heloName.isEmpty()) {
        // libcurl takes the EHLO name from the URL path.
        helo = url + "/" + config.heloName.toUtf8();
        curl_easy_setopt(curl, CURLOPT_URL, helo.constData());
    }

    const CURLcode rc = curl_easy_perform(curl);
    long responseCode = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &responseCode);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);

    result.code = transcript.lastCode ? transcript.lastCode : static_cast<int>(responseCode);
    result.reply = transcript.last;
    if (rc != CURLE_OK && transcript.lastErrorCode) {
        result.code = transcript.lastErrorCode;
        result.reply = transcript.lastError;
    }
    if (rc == CURLE_OK) {
        result.status = SmtpResult::Status::Sent;
        return result;
    }
    const QString curlText = errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(rc));
    // Login problems (530 authentication required, 534/535/538) are not the message's fault: every message
    // would fail the same way until the password is fixed, so they stay queued and retry with backoff
    // (the reply is visible to the agent) instead of each becoming "failed".
    const bool authProblem = rc == CURLE_LOGIN_DENIED || result.code == 530 || result.code == 534
        || result.code == 535 || result.code == 538;
    if (authProblem) {
        result.status = SmtpResult::Status::TransientFailure;
    } else if (result.code >= 500 && result.code < 600) {
        result.status = SmtpResult::Status::PermanentFailure;
    } else {
        result.status = SmtpResult::Status::TransientFailure;
    }
    if (result.status == SmtpResult::Status::TransientFailure && !authProblem
        && (result.code < 400 || result.code >= 500)) {
        // No 4xx from the server: unreachable, TLS or timeout. Say what libcurl saw.
        result.reply = curlText;
        result.code = 0;
    }
    qCInfo(lcSmtp) << "send via" << config.url() << "failed:" << result.code << result.reply;
    return result;
}

} // namespace outbox
