// RFC 5545 output checked line by line and with Python's icalendar parser.
#include <catch2/catch.hpp>

#include "icalendar.h"
#include "smtpsink.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace appointments;

TEST_CASE("text escaping", "[ics]")
{
    CHECK(escapeText(QStringLiteral("a;b,c\\d\ne")) == QStringLiteral("a\\;b\\,c\\\\d\\ne"));
    CHECK(escapeText(QStringLiteral("x\r\ny")) == QStringLiteral("x\\ny"));
}

TEST_CASE("lines are folded at 75 octets without splitting UTF-8", "[ics]")
{
    const QByteArray line = "DESCRIPTION:" + QStringLiteral("Bitte mitbringen: Ausweis, Meldebescheinigung, "
                                                            "Geburtsurkunde – ÄÖÜäöüß €€€ ").repeated(4).toUtf8();
    const QByteArray folded = foldLine(line);
    CHECK(folded.endsWith("\r\n"));
    const QList<QByteArray> parts = folded.chopped(2).split('\n');
    REQUIRE(parts.size() > 3);
    QByteArray unfolded;
    for (int i = 0; i < parts.size(); ++i) {
        QByteArray p = parts[i];
        if (i < parts.size() - 1) {
            REQUIRE(p.endsWith('\r'));
            p.chop(1);
        }
        CHECK(p.size() <= 75);
        if (i > 0) {
            REQUIRE(p.startsWith(' '));
            p.remove(0, 1);
        }
        CHECK(QString::fromUtf8(p).toUtf8() == p);   // each piece is valid UTF-8 on its own
        unfolded += p;
    }
    CHECK(unfolded == line);
}

TEST_CASE("the calendar parses with Python's icalendar", "[ics]")
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    IcsEvent e;
    e.uid = QStringLiteral("4711@hotline-desk");
    e.sequence = 2;
    e.start = QDateTime(QDate(2026, 7, 14), QTime(9, 30), berlin);    // summer time
    e.end = e.start.addSecs(30 * 60);
    e.stamp = QDateTime(QDate(2026, 7, 1), QTime(12, 0), Qt::UTC);
    e.summary = QStringLiteral("Personalausweis beantragen – Bürgerbüro Altstadt");
    e.location = QStringLiteral("Bürgerbüro Altstadt, Theaterstraße 11; 01067 Dresden");
    e.description = QStringLiteral("Bitte mitbringen:\n- Reisepass, falls vorhanden\n- biometrisches Passbild\n"
                                   "- Gebühr: 37,00 € (Karte; bar)");
    e.organizerEmail = QStringLiteral("hotline@stadt.example");
    e.organizerName = QStringLiteral("Bürgertelefon");
    e.attendeeEmail = QStringLiteral("erika@example.org");
    const QByteArray ics = buildIcs(e);
    CHECK(!ics.contains("\r\n\r\n"));
    for (const QByteArray &line : ics.split('\n')) {
        CHECK(line.size() <= 76);   // 75 octets + the CR
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.ics"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(ics);
    f.close();
    QString error;
    const QJsonObject o = QJsonDocument::fromJson(runPython({QStringLiteral(HOTLINE_SMTP_SINK_DIR "/check_ics.py"), path},
                                                            &error)).object();
    INFO(error.toStdString());
    REQUIRE(!o.isEmpty());
    CHECK(o[QStringLiteral("version")].toString() == QStringLiteral("2.0"));
    CHECK(o[QStringLiteral("tzid")].toString() == QStringLiteral("Europe/Berlin"));
    CHECK(o[QStringLiteral("uid")].toString() == e.uid);
    CHECK(o[QStringLiteral("sequence")].toInt() == 2);
    CHECK(o[QStringLiteral("summary")].toString() == e.summary);
    CHECK(o[QStringLiteral("location")].toString() == e.location);
    CHECK(o[QStringLiteral("description")].toString() == e.description);
    CHECK(o[QStringLiteral("dtstart_utc")].toString() == QStringLiteral("2026-07-14T07:30:00+00:00"));
    CHECK(o[QStringLiteral("dtend")].toString().startsWith(QStringLiteral("2026-07-14T10:00:00")));
    CHECK(o[QStringLiteral("dtstamp")].toString() == QStringLiteral("2026-07-01T12:00:00+00:00"));
    CHECK(o[QStringLiteral("status")].toString() == QStringLiteral("CONFIRMED"));
    CHECK(o[QStringLiteral("organizer")].toString() == QStringLiteral("mailto:hotline@stadt.example"));
}
