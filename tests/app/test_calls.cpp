// The desk's calls end to end: the real MainWindow with a CallDesk on a fresh journal, real SIP calls from baresip
// to the supervised engine, forwards delivered to a real aiosmtpd, and a draft that survives a killed desk.
#include "catch_qt.h"

#include "agentsession.h"
#include "appointmentdialog.h"
#include "appointmentstore.h"
#include "appointmentsview.h"
#include "articleview.h"
#include "baresippeer.h"
#include "callcontrols.h"
#include "outboxview.h"
#include "calldesk.h"
#include "journalfixture.h"
#include "callerpanel.h"
#include "callsettingspages.h"
#include "caselistmodel.h"
#include "casesview.h"
#include "deadlinesdialog.h"
#include "desksettings.h"
#include "editorialsession.h"
#include "forwarddialog.h"
#include "journalstore.h"
#include "kamailio.h"
#include "language.h"
#include "mainwindow.h"
#include "manualprovider.h"
#include "memorystore.h"
#include "officescheduledialog.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "secretstore.h"
#include "settingsdialog.h"
#include "shortcutsoverlay.h"
#include "sipprovider.h"
#include "smtpsink.h"
#include "uireview.h"
#include "wrapuppanel.h"

#include <csignal>

#include <QAbstractItemModelTester>
#include <QTableWidget>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace deskfixtures;

namespace {

constexpr int WebTimeoutMs = 30000;

// One desk as main() builds it (window + CallDesk), on the test catalogue and a journal in `dir`.
struct CallsDesk
{
    CallsDesk(const desk::CallDeskConfig &config, bool startCalls = true)
        : service([](QString *) { return std::make_unique<MemoryStore>(munichSample()); })
    {
        language.apply(QStringLiteral("en"));
        window = std::make_unique<desk::MainWindow>(&service, &settings, &language);
        calls = std::make_unique<desk::CallDesk>(window.get(), config);
        QSignalSpy ready(window.get(), &desk::MainWindow::catalogueReady);
        service.start();
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
        REQUIRE((ready.count() > 0 || ready.wait(10000)));
        if (startCalls) {
            QString error;
            INFO(error.toStdString());
            REQUIRE(calls->start(&error));
        }
    }

    ~CallsDesk()
    {
        calls.reset(); // before the window its widgets live in
    }

    void openAndWait(const QString &id)
    {
        QSignalSpy shown(window.get(), &desk::MainWindow::articleShown);
        window->openArticle(id);
        REQUIRE(shown.wait(WebTimeoutMs));
    }

    // The desk's SIP provider, once its engine runs and the agent is Ready.
    cti::SipProvider *readySip()
    {
        cti::SipProvider *sip = calls->sipProvider();
        REQUIRE(sip);
        REQUIRE(QTest::qWaitFor([&] { return sip->isEngineReady(); }, 15000));
        REQUIRE(QTest::qWaitFor([&] { return calls->session()->status().state == cti::AgentState::Ready; }, 2000));
        return sip;
    }

    desk::DeskSettings settings;
    desk::LanguageManager language;
    desk::SearchService service;
    std::unique_ptr<desk::MainWindow> window;
    std::unique_ptr<desk::CallDesk> calls;
};

desk::CallDeskConfig configIn(const QTemporaryDir &dir)
{
    desk::CallDeskConfig c;
    c.journalPath = dir.filePath(QStringLiteral("journal.db"));
    c.agent = QStringLiteral("agent7");
    c.fromEmail = QStringLiteral("buergertelefon@example.org");
    c.fromName = QStringLiteral("Bürgertelefon");
    c.reminderCheckMs = 200;
    return c;
}

// As configIn, with the SIP engine on (any free port, no sound card).
desk::CallDeskConfig sipConfigIn(const QTemporaryDir &dir)
{
    desk::CallDeskConfig c = configIn(dir);
    c.sipEnabled = true;
    c.sipPort = 0;
    c.sipUseFiles = true;
    return c;
}

// As configIn, with e-mail on, sent through `smtp` on loopback without TLS.
desk::CallDeskConfig mailConfigIn(const QTemporaryDir &dir, const SmtpSink &smtp)
{
    desk::CallDeskConfig c = configIn(dir);
    c.mailEnabled = true;
    c.smtp.host = QStringLiteral("127.0.0.1");
    c.smtp.port = smtp.port();
    c.smtp.security = outbox::SmtpConfig::Security::None;
    return c;
}

// A user of the desk's editorial session (signed in by the test, no password involved).
kb::User user(const QString &name, kb::Role role)
{
    kb::User u;
    u.name = name;
    u.role = role;
    return u;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

TEST_CASE("a real SIP call pops the caller panel, F5 answers, hang-up opens the wrap-up, Alt+1 saves it",
          "[calls][sip]")
{
    QSettings().clear();
    QTemporaryDir dir;
    desk::CallDeskConfig config = sipConfigIn(dir);
    config.lineMap = QStringLiteral("0341 115-0=Leipzig");
    CallsDesk desk(config);
    cti::SipProvider *sip = desk.readySip();

    // The settings page offers the devices the engine found (plus "system default").
    {
        desk::TelephonySettingsPage page;
        qsizetype recorders = 0;
        for (const cti::AudioDevice &d : sip->audioDevices()) {
            recorders += d.canRecord ? 1 : 0;
        }
        INFO("engine devices: " << sip->audioDevices().size());
        CHECK(page.findChildren<QComboBox *>().at(1)->count() == 1 + recorders); // [0] is the transport
    }

    desk.openAndWait(QStringLiteral("1063441")); // the article on screen is proposed as the topic

    BaresipPeer caller;
    QString error;
    REQUIRE(caller.start({}, &error));
    QSignalSpy popped(desk.calls.get(), &desk::CallDesk::callPopped);
    REQUIRE(caller.dial(QStringLiteral("sip:+493411150@127.0.0.1:%1").arg(sip->sipPort())));
    REQUIRE((popped.count() > 0 || popped.wait(10000)));
    desk::CallControls *controls = desk.calls->controls();
    CHECK(controls->callerText().contains(QStringLiteral("0341 12345")));
    CHECK(controls->lineText().contains(QStringLiteral("Leipzig")));
    CHECK(desk.calls->lastAnnouncement().contains(QStringLiteral("0341 12345"))); // told to the screen reader

    QTest::keyClick(desk.window.get(), Qt::Key_F5);
    REQUIRE(caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED"), 10000));
    REQUIRE(QTest::qWaitFor([&] { return desk.calls->session()->status().state == cti::AgentState::Talking; }, 5000));
    CHECK(desk.window->callerPanel()->isInCall());
    // Hold, resume and mute from the keyboard; the panel shows what the engine confirmed.
    QTest::keyClick(desk.window.get(), Qt::Key_F7);
    REQUIRE(QTest::qWaitFor([&] { return controls->stateText() == QStringLiteral("On hold"); }, 5000));
    QTest::keyClick(desk.window.get(), Qt::Key_F7);
    REQUIRE(QTest::qWaitFor([&] { return controls->stateText() == QStringLiteral("Talking"); }, 5000));
    QTest::keyClick(desk.window.get(), Qt::Key_F8);
    REQUIRE(QTest::qWaitFor([&] { return controls->stateText().contains(QStringLiteral("muted")); }, 5000));

    QSignalSpy wrapUp(desk.calls.get(), &desk::CallDesk::wrapUpOpened);
    REQUIRE(caller.hangup());
    REQUIRE((wrapUp.count() > 0 || wrapUp.wait(10000)));
    desk::WrapUpPanel *panel = desk.calls->wrapUpPanel();
    REQUIRE(panel->isOpen());
    CHECK(panel->record().serviceIds == QStringList{QStringLiteral("1063441")});
    // Not ready again until the outcome is saved.
    CHECK(desk.calls->session()->status().state == cti::AgentState::WrapUp);

    QSignalSpy saved(desk.calls.get(), &desk::CallDesk::outcomeSaved);
    QTest::keyClick(desk.window.get(), Qt::Key_1, Qt::AltModifier);
    REQUIRE(saved.count() == 1);
    CHECK_FALSE(panel->isOpen());
    CHECK(desk.calls->session()->status().state == cti::AgentState::Ready);
    const auto record = desk.calls->journal()->call(saved.first().at(0).toString());
    REQUIRE(record);
    CHECK_FALSE(record->draft);
    CHECK(record->outcome == journal::Outcome::AnsweredDirectly);
    CHECK(record->callerNumber == QStringLiteral("+4934112345"));
    CHECK(record->municipality == QStringLiteral("Leipzig"));
    CHECK(record->serviceIds == QStringList{QStringLiteral("1063441")});
    CHECK(record->answeredAt.isValid());

    // The next call from the same number shows this one in its history.
    caller.clearEvents();
    popped.clear();
    REQUIRE(caller.dial(QStringLiteral("sip:+493411150@127.0.0.1:%1").arg(sip->sipPort())));
    REQUIRE((popped.count() > 0 || popped.wait(10000)));
    const QStringList history = controls->historyTexts();
    REQUIRE_FALSE(history.isEmpty());
    CHECK(history.first().contains(QStringLiteral("answered directly")));
    QTest::keyClick(desk.window.get(), Qt::Key_F5, Qt::ShiftModifier); // decline
    REQUIRE(caller.waitForEvent(QStringLiteral("CALL_CLOSED"), 10000));
}

TEST_CASE("a call lost in an engine crash is recorded: the phone reconnects, the wrap-up opens with the drop noted",
          "[calls][sip][crash]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(sipConfigIn(dir));
    cti::SipProvider *sip = desk.readySip();
    BaresipPeer caller;
    QString error;
    REQUIRE(caller.start({}, &error));
    QSignalSpy popped(desk.calls.get(), &desk::CallDesk::callPopped);
    REQUIRE(caller.dial(QStringLiteral("sip:agent@127.0.0.1:%1").arg(sip->sipPort())));
    REQUIRE((popped.count() > 0 || popped.wait(10000)));
    QTest::keyClick(desk.window.get(), Qt::Key_F5);
    REQUIRE(caller.waitForEvent(QStringLiteral("CALL_ESTABLISHED"), 10000));

    QSignalSpy wrapUp(desk.calls.get(), &desk::CallDesk::wrapUpOpened);
    const qint64 pid = sip->enginePid();
    REQUIRE(pid > 0);
    REQUIRE(::kill(pid_t(pid), SIGKILL) == 0);
    REQUIRE((wrapUp.count() > 0 || wrapUp.wait(10000)));
    desk::WrapUpPanel *panel = desk.calls->wrapUpPanel();
    CHECK(panel->message().contains(QStringLiteral("lost")));
    CHECK(panel->record().notes.contains(QStringLiteral("dropped")));
    REQUIRE(QTest::qWaitFor([&] { return sip->isEngineReady() && sip->enginePid() != pid; }, 10000));
    REQUIRE(
        QTest::qWaitFor([&] { return desk.calls->lastAnnouncement() == QStringLiteral("Phone reconnected"); }, 5000));
    QSignalSpy saved(desk.calls.get(), &desk::CallDesk::outcomeSaved);
    QTest::keyClick(desk.window.get(), Qt::Key_1, Qt::AltModifier);
    REQUIRE(saved.count() == 1);
    const auto record = desk.calls->journal()->call(saved.first().at(0).toString());
    REQUIRE(record);
    CHECK_FALSE(record->draft);
    CHECK(record->callerNumber == QStringLiteral("+4934112345"));
}

TEST_CASE("an e-mail the server refuses shows the server's reply, and the outbox view retries it", "[calls][outbox]")
{
    QSettings().clear();
    QTemporaryDir dir;
    SmtpSink smtp({QStringLiteral("buergerbuero-orleansplatz.kvr@muenchen.de")});
    QString error;
    REQUIRE(smtp.start(&error));
    CallsDesk desk(mailConfigIn(dir, smtp));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.calls->wrapUpPanel()->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Frage"));
    QTest::keyClick(desk.window.get(), Qt::Key_2, Qt::AltModifier);
    REQUIRE(desk.calls->forwardDialog());
    QSignalSpy changed(desk.calls.get(), &desk::CallDesk::outboxChanged);
    desk.calls->forwardDialog()->accept();
    REQUIRE(QTest::qWaitFor([&] { return desk.calls->outboxStatus().contains(QStringLiteral("failed")); }, 15000));
    CHECK(desk.calls->outboxStatus().contains(QStringLiteral("550"))); // the server's reply, as it said it

    desk.calls->showOutbox();
    desk::OutboxView *view = desk.calls->outboxView();
    REQUIRE(view);
    QAbstractItemModelTester tester(view->table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(view->table()->rowCount() == 1);
    CHECK(view->table()->item(0, 3)->text() == QStringLiteral("failed"));
    CHECK(view->table()->item(0, 5)->text().startsWith(QStringLiteral("550")));
    view->table()->setCurrentCell(0, 0);
    REQUIRE(view->retrySelected(&error));
    // Sent again (the same message) and refused again: two attempts on record.
    REQUIRE(QTest::qWaitFor(
        [&] {
            view->reload();
            return view->table()->item(0, 4)->text() == QStringLiteral("2") &&
                   view->table()->item(0, 3)->text() == QStringLiteral("failed");
        },
        15000));
}

TEST_CASE("a manual call forwarded by e-mail reaches the office with case number and deadline, and is an open case",
          "[calls][forward]")
{
    QSettings().clear();
    QTemporaryDir dir;
    SmtpSink smtp;
    QString error;
    REQUIRE(smtp.start(&error));
    CallsDesk desk(mailConfigIn(dir, smtp));

    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier); // a call recorded by hand
    REQUIRE(desk.window->callerPanel()->isInCall());
    REQUIRE_FALSE(desk.calls->currentCallId().isEmpty());
    desk.openAndWait(QStringLiteral("1063441"));
    QSignalSpy wrapUp(desk.calls.get(), &desk::CallDesk::wrapUpOpened);
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(wrapUp.count() == 1);
    desk::WrapUpPanel *panel = desk.calls->wrapUpPanel();
    panel->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Wann ist mein Ausweis fertig?"));

    QTest::keyClick(desk.window.get(), Qt::Key_2, Qt::AltModifier);
    desk::ForwardDialog *dialog = desk.calls->forwardDialog();
    REQUIRE(dialog);
    const journal::ForwardRequest prefilled = dialog->request();
    CHECK(prefilled.officeEmail == QStringLiteral("buergerbuero-orleansplatz.kvr@muenchen.de"));
    CHECK(prefilled.question == QStringLiteral("Wann ist mein Ausweis fertig?"));
    REQUIRE(prefilled.deadline.isValid());
    CHECK(prefilled.deadline > QDateTime::currentDateTimeUtc());
    // The deadline is on the business calendar: never on a weekend or a Saxon holiday.
    const QDate due = prefilled.deadline.toTimeZone(journal::BusinessCalendar::berlin()).date();
    const QTime dueTime = prefilled.deadline.toTimeZone(journal::BusinessCalendar::berlin()).time();
    const bool onWorkingDay = desk.calls->calendar().isWorkingDay(due) ||
                              (dueTime == QTime(0, 0) && desk.calls->calendar().isWorkingDay(due.addDays(-1)));
    CHECK(onWorkingDay);

    // A bad address is refused with the field named; the agent fixes it and sends.
    auto *email = dialog->findChildren<QLineEdit *>().first();
    email->setText(QStringLiteral("not-an-address"));
    dialog->accept();
    CHECK(dialog->isVisible());
    CHECK_FALSE(dialog->errorText().isEmpty());
    email->setText(QStringLiteral("buergerbuero-orleansplatz.kvr@muenchen.de"));
    QSignalSpy forwarded(desk.calls.get(), &desk::CallDesk::forwardCommitted);
    dialog->accept();
    REQUIRE(forwarded.count() == 1);
    const QString caseNumber = forwarded.first().at(0).toString();
    CHECK_FALSE(panel->isOpen());

    REQUIRE(QTest::qWaitFor([&] { return smtp.messageFiles().size() == 1; }, 15000));
    const QString eml = readAll(smtp.messageFiles().first());
    CHECK(eml.contains(caseNumber));
    const QJsonObject parsed = SmtpSink::parse(smtp.messageFiles().first(), &error);
    INFO(error.toStdString());
    const QString body = parsed.value(QStringLiteral("body")).toString();
    CHECK(body.contains(QStringLiteral("Wann ist mein Ausweis fertig?")));
    const QString dueText = QLocale(QLocale::German)
                                .toString(prefilled.deadline.toTimeZone(journal::BusinessCalendar::berlin()).date(),
                                          QStringLiteral("dd.MM.yyyy"));
    CHECK(body.contains(dueText));

    // The case is in the open-cases view; search finds it by number, marking it answered closes it.
    desk.calls->showCases();
    desk::CasesView *cases = desk.calls->casesView();
    QAbstractItemModelTester tester(cases->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    cases->searchEdit()->setText(caseNumber);
    REQUIRE(cases->model()->rowCount() == 1);
    CHECK(cases->model()->caseAt(0)->caseNumber == caseNumber);
    CHECK_FALSE(cases->model()->data(cases->model()->index(0, 0), journal::CaseListModel::OverdueRole).toBool());
    cases->table()->setCurrentIndex(cases->model()->index(0, 0));
    REQUIRE(cases->markSelected(false, &error));
    CHECK(cases->model()->rowCount() == 0);
}

TEST_CASE("an appointment booked from the wrap-up shows as taken and the confirmation with .ics arrives",
          "[calls][appointment]")
{
    QSettings().clear();
    QTemporaryDir dir;
    SmtpSink smtp;
    QString error;
    REQUIRE(smtp.start(&error));
    CallsDesk desk(mailConfigIn(dir, smtp));
    // One counter, open every day all day: the slots do not depend on when the test runs.
    appointments::OfficeSchedule office;
    office.officeId = QStringLiteral("102522");
    office.name = QStringLiteral("Bürgerbüro Orleansplatz");
    office.address = QStringLiteral("Orleansstraße 50, 81667 München");
    office.capacity = 1;
    office.cellMinutes = 20;
    for (int day = 1; day <= 7; ++day) {
        office.hours.append({day, QTime(0, 0), QTime(23, 40)});
    }
    REQUIRE(desk.calls->appointments()->setOffice(office, &error));

    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(desk.calls->wrapUpPanel()->isOpen());
    QTest::keyClick(desk.window.get(), Qt::Key_3, Qt::AltModifier);
    desk::AppointmentDialog *dialog = desk.calls->appointmentDialog();
    REQUIRE(dialog);
    REQUIRE(dialog->slotList()->count() > 0);
    const QString chosen = dialog->slotList()->item(0)->text();
    dialog->nameEdit()->setText(QStringLiteral("Erika Mustermann"));
    dialog->emailEdit()->setText(QStringLiteral("erika@example.org"));
    QSignalSpy saved(desk.calls.get(), &desk::CallDesk::outcomeSaved);
    dialog->accept();
    REQUIRE(saved.count() == 1);
    const auto record = desk.calls->journal()->call(saved.first().at(0).toString());
    REQUIRE(record);
    CHECK(record->outcome == journal::Outcome::Appointment);
    const auto booking = desk.calls->appointments()->booking(record->appointmentId);
    REQUIRE(booking);
    // The slot is taken now: the booked cell is full and the slot is no longer offered.
    CHECK(desk.calls->appointments()->bookedSeats(QStringLiteral("102522"), booking->start) == 1);
    appointments::SlotQuery query;
    query.officeId = QStringLiteral("102522");
    query.durationMinutes = 20;
    query.limit = 500;
    for (const appointments::Slot &slot : desk.calls->appointments()->freeSlots(query)) {
        CHECK(slot.start != booking->start);
    }
    Q_UNUSED(chosen);

    REQUIRE(QTest::qWaitFor([&] { return smtp.messageFiles().size() == 1; }, 15000));
    const QJsonObject parsed = SmtpSink::parse(smtp.messageFiles().first(), &error);
    INFO(error.toStdString());
    CHECK(parsed.value(QStringLiteral("to")).toString().contains(QStringLiteral("erika@example.org")));
    const QJsonArray attachments = parsed.value(QStringLiteral("attachments")).toArray();
    REQUIRE(attachments.size() == 1);
    CHECK(attachments.first()
              .toObject()
              .value(QStringLiteral("data"))
              .toString()
              .contains(QStringLiteral("BEGIN:VCALENDAR")));

    // Moved from the appointments list (Ctrl+Shift+T) to another free slot: the old one is free again, the
    // citizen gets the new time; then cancelled: the slot is free and a cancellation goes out.
    desk.calls->showAppointments(); // the booking dialog just closed: which window is active is up to the platform
    desk::AppointmentsView *view = desk.calls->appointmentsView();
    REQUIRE(view);
    QAbstractItemModelTester tester(view->table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(view->table()->rowCount() == 1);
    view->table()->setCurrentCell(0, 0);
    view->showSlotsForSelected();
    REQUIRE(view->slotList()->count() > 0);
    view->slotList()->setCurrentRow(0);
    REQUIRE(view->rebookSelected(&error));
    CHECK(desk.calls->appointments()->bookedSeats(QStringLiteral("102522"), booking->start) == 0);
    CHECK(desk.calls->appointments()->booking(booking->id)->state == appointments::BookingState::Cancelled);
    REQUIRE(view->table()->rowCount() == 1);
    REQUIRE(QTest::qWaitFor([&] { return smtp.messageFiles().size() == 2; }, 15000));
    view->table()->setCurrentCell(0, 0);
    REQUIRE(view->cancelSelected(&error));
    CHECK(view->table()->rowCount() == 0);
    REQUIRE(QTest::qWaitFor([&] { return smtp.messageFiles().size() == 3; }, 15000));
    const QJsonObject cancellation = SmtpSink::parse(smtp.messageFiles().last(), &error);
    const QJsonArray cancelIcs = cancellation.value(QStringLiteral("attachments")).toArray();
    REQUIRE(cancelIcs.size() == 1);
    CHECK(cancelIcs.first()
              .toObject()
              .value(QStringLiteral("data"))
              .toString()
              .contains(QStringLiteral("METHOD:CANCEL")));
}

TEST_CASE("a slot lost to another desk shows the clear message and the next free slots", "[calls][appointment]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    appointments::OfficeSchedule office;
    office.officeId = QStringLiteral("102522");
    office.name = QStringLiteral("Bürgerbüro Orleansplatz");
    office.capacity = 1;
    office.cellMinutes = 20;
    for (int day = 1; day <= 7; ++day) {
        office.hours.append({day, QTime(0, 0), QTime(23, 40)});
    }
    QString error;
    REQUIRE(desk.calls->appointments()->setOffice(office, &error));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    QTest::keyClick(desk.window.get(), Qt::Key_3, Qt::AltModifier);
    desk::AppointmentDialog *dialog = desk.calls->appointmentDialog();
    REQUIRE(dialog);
    REQUIRE(dialog->slotList()->count() > 0);
    const QString shownFirst = dialog->slotList()->item(0)->text();

    // Another desk (its own connection to the same file) books the very slot the agent has selected.
    auto other = appointments::AppointmentStore::open(dir.filePath(QStringLiteral("journal.db")), &error);
    REQUIRE(other);
    appointments::SlotQuery query;
    query.officeId = QStringLiteral("102522");
    query.durationMinutes = 20;
    const QList<appointments::Slot> slots = other->freeSlots(query, &error);
    REQUIRE_FALSE(slots.isEmpty());
    appointments::BookingRequest request;
    request.officeId = QStringLiteral("102522");
    request.serviceId = QStringLiteral("1063441");
    request.serviceTitle = QStringLiteral("Personalausweis");
    request.start = slots.first().start;
    request.durationMinutes = 20;
    request.citizenName = QStringLiteral("Max");
    request.confirmation.send = false;
    appointments::Booking theirs;
    QList<appointments::Slot> unused;
    REQUIRE(other->book(request, &theirs, &unused, &error));

    QSignalSpy saved(desk.calls.get(), &desk::CallDesk::outcomeSaved);
    dialog->nameEdit()->setText(QStringLiteral("Erika"));
    dialog->accept();
    CHECK(saved.isEmpty());
    CHECK(dialog->isVisible());
    CHECK(dialog->message().contains(QStringLiteral("just taken")));
    REQUIRE(dialog->slotList()->count() > 0);
    CHECK(dialog->slotList()->item(0)->text() != shownFirst);
    dialog->accept(); // the next free slot
    CHECK(saved.count() == 1);
}

TEST_CASE("a case due soon is announced once, and an overdue case is flagged in the open-cases view", "[calls][cases]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    journal::JournalStore *store = desk.calls->journal();
    const auto forward = [&](const QDateTime &deadline, const QDateTime &remindAt) {
        return testfixture::commitForward(store, deadline, remindAt);
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);
    const QString dueSoon = forward(now.addSecs(3600), now.addSecs(-60));
    const QString overdue = forward(now.addSecs(-3600), QDateTime());
    REQUIRE((reminded.count() > 0 || reminded.wait(3000)));
    CHECK(reminded.first().at(0).toString() == dueSoon);
    QTest::qWait(500); // later checks do not announce it again
    CHECK(reminded.count() == 1);
    CHECK(desk.calls->lastAnnouncement().contains(dueSoon));

    desk.calls->showCases();
    journal::CaseListModel *model = desk.calls->casesView()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model->rowCount() == 2);
    CHECK(model->caseAt(0)->caseNumber == overdue); // by deadline
    CHECK(model->data(model->index(0, 0), journal::CaseListModel::OverdueRole).toBool());
    CHECK_FALSE(model->data(model->index(1, 0), journal::CaseListModel::OverdueRole).toBool());
    // Search by the citizen's phone number finds both; by case number just one.
    desk.calls->casesView()->searchEdit()->setText(QStringLiteral("0351 12345"));
    CHECK(model->rowCount() == 2);
    desk.calls->casesView()->searchEdit()->setText(dueSoon);
    CHECK(model->rowCount() == 1);
}

TEST_CASE("restarted before the deadline, the desk reminds of the overdue case once the deadline passes, then never",
          "[calls][cases][restart]")
{
    QSettings().clear();
    QTemporaryDir dir;
    const desk::CallDeskConfig config = configIn(dir);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime deadline = now.addSecs(3);
    QString number;
    QString closed;
    {
        CallsDesk desk(config);
        QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);
        number = testfixture::commitForward(desk.calls->journal(), deadline, now.addSecs(-60));
        closed = testfixture::commitForward(desk.calls->journal(), deadline, now.addSecs(-60));
        REQUIRE(QTest::qWaitFor([&] { return reminded.count() == 2; }, 3000));
        CHECK(desk.calls->lastAnnouncement().contains(QStringLiteral("is due")));
        // One of them is answered before the deadline: it is reminded of no more.
        QString error;
        REQUIRE(desk.calls->journal()->setCaseState(closed, journal::CaseState::Answered, QString(), &error));
    }
    {
        // Restarted before the deadline: nothing at start-up (the due step is recorded) ...
        CallsDesk desk(config, false);
        QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);
        QString error;
        REQUIRE(desk.calls->start(&error));
        CHECK(reminded.isEmpty());
        // ... and the overdue reminder once the deadline has passed, though this run never showed the due one.
        REQUIRE((reminded.count() > 0 || reminded.wait(8000)));
        CHECK(QDateTime::currentDateTimeUtc() >= deadline);
        CHECK(reminded.at(0).at(0).toString() == number);
        CHECK(desk.calls->lastAnnouncement().startsWith(QStringLiteral("Case %1").arg(number)));
        CHECK(desk.calls->lastAnnouncement().contains(QStringLiteral("is overdue since")));
        CHECK(desk.window->statusBar()->currentMessage() == desk.calls->lastAnnouncement());
        QTest::qWait(600);
        CHECK(reminded.count() == 1); // the answered case: nothing
    }
    {
        CallsDesk desk(config, false);
        QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);
        QString error;
        REQUIRE(desk.calls->start(&error));
        QTest::qWait(600);
        CHECK(reminded.isEmpty());
        CHECK(desk.calls->journal()->caseByNumber(number)->overdueRemindedAt.isValid());
        CHECK_FALSE(desk.calls->journal()->caseByNumber(closed)->overdueRemindedAt.isValid());
    }
}

TEST_CASE("a wrap-up draft survives a killed desk and is offered again at the next start", "[calls][draft]")
{
    QSettings().clear();
    QTemporaryDir dir;
    QString draftId;
    {
        CallsDesk desk(configIn(dir));
        QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
        QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
        desk::WrapUpPanel *panel = desk.calls->wrapUpPanel();
        REQUIRE(panel->isOpen());
        auto *notes = panel->findChild<QPlainTextEdit *>();
        notes->setFocus();
        QTest::keyClicks(notes, QStringLiteral("Ummeldung, Unterlagen erklaert"));
        draftId = panel->record().id;
        REQUIRE_FALSE(draftId.isEmpty());
        // Destroyed without an outcome: what a kill leaves behind (every keystroke was saved as it came).
    }
    CallsDesk desk(configIn(dir));
    desk::WrapUpPanel *panel = desk.calls->wrapUpPanel();
    REQUIRE(panel->isOpen());
    CHECK(panel->record().id == draftId);
    CHECK(panel->record().notes == QStringLiteral("Ummeldung, Unterlagen erklaert"));
    CHECK(panel->message().contains(QStringLiteral("earlier session")));
    QSignalSpy saved(desk.calls.get(), &desk::CallDesk::outcomeSaved);
    QTest::keyClick(desk.window.get(), Qt::Key_1, Qt::AltModifier);
    REQUIRE(saved.count() == 1);
    CHECK(desk.calls->journal()->pendingDrafts().isEmpty());
    CHECK_FALSE(desk.calls->journal()->call(draftId)->draft);
}

TEST_CASE("the call widgets have accessible names and the F1 overlay lists the call keys", "[calls][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    desk.calls->showCases();
    int checked = 0;
    for (QWidget *root :
         {static_cast<QWidget *>(desk.calls->controls()), static_cast<QWidget *>(desk.calls->wrapUpPanel()),
          static_cast<QWidget *>(desk.calls->casesView())}) {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (w->focusPolicy() == Qt::NoFocus || w->inherits("QScrollBar") || w->inherits("QHeaderView") ||
                (w->parentWidget() && w->parentWidget()->inherits("QComboBox")) ||
                (w->parentWidget() && w->parentWidget()->inherits("QAbstractScrollArea") && w->parentWidget() != root &&
                 !w->inherits("QAbstractScrollArea"))) {
                continue;
            }
            INFO(w->metaObject()->className() << " " << w->objectName().toStdString());
            CHECK_FALSE(w->accessibleName().isEmpty());
            CHECK_FALSE(w->accessibleDescription().isEmpty());
            ++checked;
        }
    }
    CHECK(checked >= 15);
    QTest::keyClick(desk.window.get(), Qt::Key_F1);
    const QString listed = desk.window->shortcutsOverlay()->listedText();
    CHECK(listed.contains(QStringLiteral("F5")));
    CHECK(listed.contains(QStringLiteral("Answer the call")));
    CHECK(listed.contains(QStringLiteral("Alt+1")));
    for (QAction *action : desk.calls->actions()) {
        CHECK_FALSE(action->shortcut().isEmpty());
    }
}

TEST_CASE("telephony and mail settings pages round-trip, and passwords never reach the settings file",
          "[calls][settings]")
{
    QSettings().clear();
    desk::TelephonySettingsPage phone;
    desk::MailSettingsPage mail;
    {
        QSettings settings;
        phone.load(settings);
        mail.load(settings);
    }
    const auto edit = [](QWidget *page, const QString &name) {
        for (QLineEdit *e : page->findChildren<QLineEdit *>()) {
            if (e->accessibleName() == name) {
                return e;
            }
        }
        FAIL("no field " << name.toStdString());
        return static_cast<QLineEdit *>(nullptr);
    };
    phone.findChild<QCheckBox *>()->setChecked(true);
    edit(&phone, QStringLiteral("SIP user"))->setText(QStringLiteral("agent12"));
    edit(&phone, QStringLiteral("Registrar"))->setText(QStringLiteral("pbx.example.org:5060"));
    QLineEdit *caFile = edit(&phone, QStringLiteral("TLS CA file"));
    CHECK_FALSE(caFile->isEnabled()); // UDP by default: the TLS fields do not apply
    auto *transport = phone.findChild<QComboBox *>();
    REQUIRE(transport);
    transport->setCurrentIndex(transport->findData(QStringLiteral("tls")));
    CHECK(caFile->isEnabled());
    caFile->setText(QStringLiteral("/etc/hotline/pbx-ca.pem"));
    QCheckBox *verify = nullptr;
    for (QCheckBox *box : phone.findChildren<QCheckBox *>()) {
        if (box->accessibleName() == QStringLiteral("Verify TLS certificate")) {
            verify = box;
        }
    }
    REQUIRE(verify);
    CHECK(verify->isChecked()); // verification is on unless turned off
    verify->setChecked(false);
    edit(&phone, QStringLiteral("Lines and municipalities"))->setText(QStringLiteral("0341 115-0=Leipzig"));
    edit(&mail, QStringLiteral("SMTP server"))->setText(QStringLiteral("mail.example.org"));
    edit(&mail, QStringLiteral("Mail password"))->setText(QStringLiteral("geheim-smtp"));
    {
        QSettings settings;
        phone.save(settings);
        mail.save(settings);
        settings.sync();
    }
    QSettings settings;
    const desk::CallDeskConfig config = desk::loadCallDeskConfig(settings);
    CHECK(config.sipEnabled);
    CHECK(config.sipUser == QStringLiteral("agent12"));
    CHECK(config.sipRegistrar == QStringLiteral("pbx.example.org:5060"));
    CHECK(config.sipTransport == QStringLiteral("tls"));
    CHECK(config.sipTlsCaFile == QStringLiteral("/etc/hotline/pbx-ca.pem"));
    CHECK_FALSE(config.sipTlsVerify);
    CHECK(config.lineMap == QStringLiteral("0341 115-0=Leipzig"));
    CHECK(config.smtp.host == QStringLiteral("mail.example.org"));
    CHECK(config.calendarState == QStringLiteral("SN")); // Saxony by default
    QFile file(settings.fileName());
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK_FALSE(file.readAll().contains("geheim-smtp"));
}

namespace {
QLineEdit *fieldNamed(QWidget *page, const QString &name)
{
    for (QLineEdit *e : page->findChildren<QLineEdit *>()) {
        if (e->accessibleName() == name) {
            return e;
        }
    }
    FAIL("no field " << name.toStdString());
    return nullptr;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return f.fileName();
}
} // namespace

TEST_CASE("the TLS client certificate and key: TLS only, keyboard reachable, saved, and bad files refused naming the "
          "field",
          "[calls][settings][tls]")
{
    QSettings().clear();
    QTemporaryDir dir;
    const QString cert =
        writeFile(dir, QStringLiteral("desk.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    const QString key =
        writeFile(dir, QStringLiteral("desk.key"), "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n");
    const QString encrypted = writeFile(dir, QStringLiteral("locked.key"),
                                        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGH\n-----END ENCRYPTED PRIVATE "
                                        "KEY-----\n");

    desk::DeskSettings deskSettings;
    desk::SettingsDialog dialog(&deskSettings, dir.filePath(QStringLiteral("kb.sqlite")));
    auto *page = dialog.findChild<desk::TelephonySettingsPage *>();
    REQUIRE(page);
    QLineEdit *certField = fieldNamed(page, QStringLiteral("Client certificate"));
    QLineEdit *keyField = fieldNamed(page, QStringLiteral("Private key"));
    CHECK_FALSE(certField->isEnabled()); // UDP: the TLS files do not apply
    CHECK_FALSE(keyField->isEnabled());
    QList<QPushButton *> pickers;
    for (QPushButton *b : page->findChildren<QPushButton *>()) {
        if (b->accessibleName() == QStringLiteral("Choose the client certificate") ||
            b->accessibleName() == QStringLiteral("Choose the private key")) {
            pickers << b;
        }
    }
    REQUIRE(pickers.size() == 2);
    auto *transport = page->findChild<QComboBox *>();
    transport->setCurrentIndex(transport->findData(QStringLiteral("tls")));
    CHECK(certField->isEnabled());
    CHECK(keyField->isEnabled());
    for (QPushButton *b : pickers) {
        CHECK(b->isEnabled());
        CHECK(b->focusPolicy() & Qt::TabFocus);
        CHECK_FALSE(b->accessibleDescription().isEmpty());
    }
    // Keyboard: Tab goes CA file → certificate → its picker → key → its picker, and the labels' mnemonics reach the
    // fields (buddies).
    QLineEdit *caField = fieldNamed(page, QStringLiteral("TLS CA file"));
    CHECK(caField->nextInFocusChain() == certField);
    CHECK(certField->nextInFocusChain() == pickers.at(0));
    CHECK(pickers.at(0)->nextInFocusChain() == keyField);
    CHECK(keyField->nextInFocusChain() == pickers.at(1));
    int buddies = 0;
    for (QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy() == certField || label->buddy() == keyField) {
            CHECK(label->text().contains(QLatin1Char('&')));
            ++buddies;
        }
    }
    CHECK(buddies == 2);

    page->findChild<QCheckBox *>()->setChecked(true); // SIP on
    fieldNamed(page, QStringLiteral("Registrar"))->setText(QStringLiteral("127.0.0.1:5061"));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto *pages = dialog.findChild<QListWidget *>();
    REQUIRE(pages);
    // OK with files the engine cannot use saves nothing, stays open, shows the telephony page with the error naming
    // the field (and file) and puts the cursor into that field.
    const auto refused = [&](const QString &certText, const QString &keyText, const QString &mustName,
                             QLineEdit *focused) {
        pages->setCurrentRow(0);
        certField->setText(certText);
        keyField->setText(keyText);
        dialog.accept();
        const QString error = page->validationError();
        INFO(error.toStdString());
        CHECK(dialog.isVisible());
        CHECK(dialog.result() != QDialog::Accepted);
        CHECK(pages->currentRow() == 1);
        CHECK(error.contains(mustName));
        CHECK_FALSE(page->validate());
        QTest::qWait(20); // the cursor moves once the page is shown
        CHECK(dialog.focusWidget() == focused);
        QSettings saved;
        CHECK(desk::loadCallDeskConfig(saved).sipTlsCertFile.isEmpty());
    };
    refused(cert, QString(), QStringLiteral("Private key"), keyField);        // certificate without its key
    refused(QString(), key, QStringLiteral("Client certificate"), certField); // key without its certificate
    refused(dir.filePath(QStringLiteral("missing.pem")), key, dir.filePath(QStringLiteral("missing.pem")), certField);
    refused(key, key, QStringLiteral("Client certificate"), certField); // a key where the certificate belongs
    refused(cert, cert, QStringLiteral("Private key"), keyField);       // and the other way round
    refused(cert, encrypted, QStringLiteral("passphrase"), keyField);

    // Transport UDP: the files are not used, so they do not stop the dialog.
    {
        certField->setText(cert);
        keyField->setText(QString());
        desk::CallDeskConfig udp;
        udp.sipTlsCertFile = cert;
        QString error;
        CHECK(desk::checkSipTlsFiles(udp, &error));
    }

    keyField->setText(key);
    CHECK(page->validate());
    CHECK(page->validationError().isEmpty());
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    QSettings settings;
    const desk::CallDeskConfig config = desk::loadCallDeskConfig(settings);
    CHECK(config.sipTlsCertFile == cert);
    CHECK(config.sipTlsKeyFile == key);
    // The engine gets them as they were saved.
    const cti::SipSettings sip = desk::sipSettingsFor(config);
    CHECK(sip.account.transport == cti::SipTransport::Tls);
    CHECK(sip.account.tlsCertFile == cert);
    CHECK(sip.account.tlsKeyFile == key);
    CHECK(sip.account.registrar == QStringLiteral("127.0.0.1:5061"));

    // A fresh page shows them again.
    desk::TelephonySettingsPage again;
    again.load(settings);
    CHECK(fieldNamed(&again, QStringLiteral("Client certificate"))->text() == cert);
    CHECK(fieldNamed(&again, QStringLiteral("Private key"))->text() == key);
}

TEST_CASE("the telephony page's mnemonics are unique in German and English", "[calls][settings][a11y]")
{
    desk::LanguageManager language;
    for (const QString &code : {QStringLiteral("de"), QStringLiteral("en")}) {
        REQUIRE(language.apply(code));
        desk::TelephonySettingsPage page; // its texts are made in the language in force
        QHash<QChar, QString> owner;
        QStringList clashes;
        QStringList texts;
        for (QLabel *l : page.findChildren<QLabel *>()) {
            texts << l->text();
        }
        for (QAbstractButton *b : page.findChildren<QAbstractButton *>()) {
            texts << b->text();
        }
        for (const QString &text : std::as_const(texts)) {
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            if (amp < 0 || amp + 1 >= text.size()) {
                continue;
            }
            const QChar key = text.at(amp + 1).toLower();
            if (owner.contains(key)) {
                clashes << QString(key) + QStringLiteral(": ") + owner.value(key) + QStringLiteral(" / ") + text;
            }
            owner.insert(key, text);
        }
        INFO(code.toStdString() << ": " << clashes.join(QLatin1Char('\n')).toStdString());
        CHECK(clashes.isEmpty());
        CHECK(owner.size() >= 16);
    }
}

TEST_CASE("a desk registers with a phone system that requires a client certificate, using the certificate from its "
          "settings",
          "[calls][sip][tls]")
{
    QSettings().clear();
    Kamailio registrar(QStringLiteral("geheim"), Kamailio::Tls::RequireClientCertificate);
    QString cert;
    QString key;
    QString error;
    REQUIRE(registrar.makeClientCertificate(QStringLiteral("4711"), true, &cert, &key, &error));

    // What an administrator does: Settings → Telephony, SIP over TLS with the desk's certificate; the password in
    // the keychain (written here and waited for: the page writes it in the background).
    {
        desk::TelephonySettingsPage page;
        QSettings settings;
        page.load(settings);
        page.findChild<QCheckBox *>()->setChecked(true);
        fieldNamed(&page, QStringLiteral("SIP user"))->setText(QStringLiteral("4711"));
        fieldNamed(&page, QStringLiteral("SIP domain"))->setText(QStringLiteral("127.0.0.1"));
        auto *transport = page.findChild<QComboBox *>();
        transport->setCurrentIndex(transport->findData(QStringLiteral("tls")));
        fieldNamed(&page, QStringLiteral("Registrar"))->setText(QStringLiteral("127.0.0.1:%1").arg(registrar.tlsPort));
        fieldNamed(&page, QStringLiteral("TLS CA file"))->setText(registrar.certificatePath());
        fieldNamed(&page, QStringLiteral("Client certificate"))->setText(cert);
        fieldNamed(&page, QStringLiteral("Private key"))->setText(key);
        for (QSpinBox *box : page.findChildren<QSpinBox *>()) {
            if (box->accessibleName() == QStringLiteral("Local SIP port")) {
                box->setValue(0);
            }
        }
        REQUIRE(page.validate());
        page.save(settings);
        settings.sync();
    }
    bool written = false;
    QObject context;
    cti::SecretStore::writeSecret(QStringLiteral("hotline-desk"),
                                  cti::SecretStore::sipAccountKey(QStringLiteral("4711"), QStringLiteral("127.0.0.1")),
                                  QStringLiteral("geheim"), &context, [&](bool ok, const QString &message) {
                                      INFO(message.toStdString());
                                      CHECK(ok);
                                      written = true;
                                  });
    REQUIRE(QTest::qWaitFor([&] { return written; }, 10000));

    QTemporaryDir dir;
    QSettings settings;
    desk::CallDeskConfig config = desk::loadCallDeskConfig(settings);
    config.journalPath = dir.filePath(QStringLiteral("journal.db"));
    config.sipUseFiles = true; // no sound card
    config.agent = QStringLiteral("agent7");
    CallsDesk desk(config);
    // The engine starts once the keychain has answered with the password.
    REQUIRE(QTest::qWaitFor([&] { return desk.calls->sipProvider() != nullptr; }, 10000));
    cti::SipProvider *sip = desk.calls->sipProvider();
    const bool registered = QTest::qWaitFor([&] { return sip->registrationState() == QStringLiteral("ok"); }, 15000);
    INFO(registrar.log().toStdString());
    REQUIRE(registered);

    // The same settings without the certificate, through the same path to the engine: refused.
    desk::CallDeskConfig bare = config;
    bare.sipTlsCertFile.clear();
    bare.sipTlsKeyFile.clear();
    bare.sipDataDir = dir.filePath(QStringLiteral("sip-bare"));
    cti::SipSettings withoutCertificate = desk::sipSettingsFor(bare);
    withoutCertificate.account.password = QStringLiteral("geheim");
    QStringList states;
    cti::SipProvider refused(withoutCertificate);
    QObject::connect(&refused, &cti::TelephonyProvider::providerEventOccurred, &refused,
                     [&states](const cti::ProviderEvent &e) {
                         if (e.type == cti::ProviderEventType::RegistrationChanged) {
                             states << e.registrationState;
                         }
                     });
    REQUIRE(refused.start(&error));
    REQUIRE(QTest::qWaitFor([&] { return states.contains(QStringLiteral("failed")); }, 10000));
    CHECK_FALSE(states.contains(QStringLiteral("ok")));
}

TEST_CASE(
    "office hours and capacity saved in the schedule dialog are offered by the booking dialog, and only leads edit "
    "them when an editorial session exists",
    "[calls][appointment][schedule]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = desk.window->findChild<desk::OfficeScheduleDialog *>();
    REQUIRE(dialog);
    auto *office = dialog->findChild<QComboBox *>(QStringLiteral("office"));
    REQUIRE(office);
    CHECK_FALSE(office->accessibleName().isEmpty());
    const int index = office->findData(QStringLiteral("102522"));
    REQUIRE(index >= 0);
    office->setCurrentIndex(index);
    // A bad interval names the day and saves nothing.
    auto *monday = dialog->findChild<QLineEdit *>(QStringLiteral("hours1"));
    REQUIRE(monday);
    CHECK_FALSE(monday->accessibleName().isEmpty());
    monday->setText(QStringLiteral("08:00-"));
    QString error;
    CHECK_FALSE(dialog->save(&error));
    CHECK(error.contains(QLocale().dayName(1)));
    CHECK_FALSE(desk.calls->appointments()->office(QStringLiteral("102522")));
    // Open every day all day (the slots do not depend on when the test runs), two counters, 20-minute grid.
    for (int day = 1; day <= 7; ++day) {
        dialog->findChild<QLineEdit *>(QStringLiteral("hours%1").arg(day))
            ->setText(QStringLiteral("00:00-12:00, 12:00-23:40"));
    }
    dialog->findChild<QSpinBox *>(QStringLiteral("capacity"))->setValue(2);
    dialog->findChild<QSpinBox *>(QStringLiteral("cellMinutes"))->setValue(20);
    dialog->accept();
    const auto saved = desk.calls->appointments()->office(QStringLiteral("102522"));
    REQUIRE(saved);
    CHECK(saved->capacity == 2);
    CHECK(saved->cellMinutes == 20);
    CHECK(saved->hours.size() == 14);
    CHECK(saved->hours.contains(appointments::OpeningInterval{3, QTime(12, 0), QTime(23, 40)}));

    desk.window->activateWindow(); // the schedule dialog just closed
    REQUIRE(QTest::qWaitForWindowActive(desk.window.get()));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(desk.calls->wrapUpPanel()->isOpen());
    QTest::keyClick(desk.window.get(), Qt::Key_3, Qt::AltModifier);
    desk::AppointmentDialog *booking = desk.calls->appointmentDialog();
    REQUIRE(booking);
    REQUIRE(booking->slotList()->count() > 0);
    appointments::SlotQuery query;
    query.officeId = QStringLiteral("102522");
    query.durationMinutes = 20;
    const QList<appointments::Slot> slots = desk.calls->appointments()->freeSlots(query, &error);
    REQUIRE_FALSE(slots.isEmpty());
    CHECK(slots.first().capacity == 2);
    CHECK(slots.first().freeSeats == 2);
    booking->reject();

    // With an editorial session, an agent may not edit schedules; a team lead may.
    desk::EditorialSession session(std::make_unique<MemoryStore>(munichSample()));
    desk.calls->setEditorialSession(&session);
    session.signIn(user(QStringLiteral("agent"), kb::Role::Agent));
    CHECK(desk.calls->showOfficeSchedules() == nullptr);
    session.signIn(user(QStringLiteral("lead"), kb::Role::Lead));
    desk::OfficeScheduleDialog *leadDialog = desk.calls->showOfficeSchedules();
    REQUIRE(leadDialog);
    CHECK(leadDialog->findChild<QComboBox *>(QStringLiteral("office"))->count() >= 1);
    leadDialog->reject();
    desk.calls->setEditorialSession(nullptr);
}

TEST_CASE("deadline rules: only a lead edits them in 'Fristen', the forward dialog uses the office's rule and the "
          "service's wins, and the cases view counts each case under its rule",
          "[calls][forward][deadlines]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    journal::JournalStore *store = desk.calls->journal();
    const QString orleans = QStringLiteral("102522"); // the first office of "Personalausweis", where forwards go

    // The F1 overlay lists the key; nobody signed in, or an agent: no editor.
    desk.window->shortcutsOverlay()->toggle();
    const QString listed = desk.window->shortcutsOverlay()->listedText();
    desk.window->shortcutsOverlay()->toggle();
    CHECK(listed.contains(QStringLiteral("Deadlines of forwards")));
    CHECK(listed.contains(QKeySequence(QStringLiteral("Ctrl+Shift+D")).toString(QKeySequence::NativeText)));
    CHECK(desk.calls->showDeadlines() == nullptr);
    desk::EditorialSession session(std::make_unique<MemoryStore>(munichSample()));
    desk.calls->setEditorialSession(&session);
    session.signIn(user(QStringLiteral("agent"), kb::Role::Agent));
    QTest::keyClick(desk.window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(desk.window->findChild<desk::DeadlinesDialog *>() == nullptr);
    CHECK(desk.calls->lastAnnouncement().contains(QStringLiteral("team leads")));
    session.signIn(user(QStringLiteral("lead"), kb::Role::Lead));

    // The lead opens "Fristen" with the keyboard, sets 48 h by default and 16 working hours for the office, picked
    // by typing part of its name.
    QTest::keyClick(desk.window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = desk.window->findChild<desk::DeadlinesDialog *>();
    REQUIRE(dialog);
    REQUIRE(dialog->exceptionCount() == 0);
    dialog->findChild<QSpinBox *>(QStringLiteral("defaultHours"))->setValue(48);
    dialog->findChild<QPushButton *>(QStringLiteral("addException"))->click();
    REQUIRE(dialog->exceptionCount() == 1);
    auto *target = dialog->findChild<QComboBox *>(QStringLiteral("target1"));
    REQUIRE(target);
    target->setFocus();
    QTest::keyClicks(target, QStringLiteral("orleans")); // part of the name names one office
    const auto closePopup = []() {
        if (QWidget *popup = QApplication::activePopupWidget()) { // the completer's list
            popup->close();
        }
    };
    closePopup();
    dialog->findChild<QComboBox *>(QStringLiteral("mode1"))->setCurrentIndex(1); // working hours
    dialog->findChild<QSpinBox *>(QStringLiteral("hours1"))->setValue(16);
    // A second row naming no office of the catalogue is refused with its number; nothing is stored.
    dialog->addException();
    QTest::keyClicks(dialog->findChild<QComboBox *>(QStringLiteral("target2")), QStringLiteral("Nirgendwo"));
    closePopup();
    QString error;
    CHECK_FALSE(dialog->save(&error));
    CHECK(error.contains(QStringLiteral("Exception 2")));
    CHECK(error.contains(QStringLiteral("Nirgendwo")));
    CHECK(*store->deadlinePolicy() == journal::DeadlinePolicy{});
    // Every control has an accessible name and description.
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || w->isHidden() || w->inherits("QScrollBar") ||
            (w->parentWidget() &&
             (w->parentWidget()->inherits("QComboBox") || w->parentWidget()->inherits("QAbstractSpinBox"))) ||
            w->inherits("QAbstractScrollArea") || !w->isVisibleTo(dialog) || w->inherits("QLabel")) {
            continue;
        }
        INFO(w->metaObject()->className() << " " << w->objectName().toStdString());
        CHECK_FALSE(w->accessibleName().isEmpty());
    }
    // Ctrl+Del removes the row with the focus; then the save goes through.
    QComboBox *second = dialog->findChild<QComboBox *>(QStringLiteral("scope2"));
    second->setFocus();
    QTest::keyClick(second, Qt::Key_Delete, Qt::ControlModifier);
    REQUIRE(dialog->exceptionCount() == 1);
    QSignalSpy closed(dialog, &QDialog::finished);
    dialog->accept();
    CHECK(closed.count() == 1);
    const auto saved = store->deadlinePolicy();
    REQUIRE(saved);
    CHECK(saved->defaultRule.hours == 48);
    REQUIRE(saved->byOffice.contains(orleans));
    CHECK(saved->byOffice.value(orleans).mode == journal::DeadlineRule::Mode::WorkingHours);
    CHECK(saved->byOffice.value(orleans).hours == 16);

    // The forward dialog prefills the deadline under the office's rule and says so.
    desk.window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(desk.window.get()));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(desk.calls->wrapUpPanel()->isOpen());
    const auto openForward = [&]() {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QTest::keyClick(desk.window.get(), Qt::Key_2, Qt::AltModifier);
        const QDateTime after = QDateTime::currentDateTimeUtc();
        desk::ForwardDialog *forward = desk.calls->forwardDialog();
        REQUIRE(forward);
        return std::make_tuple(forward, before, after);
    };
    const auto within = [&](const QDateTime &deadline, const journal::DeadlineRule &rule, const QDateTime &before,
                            const QDateTime &after) {
        return deadline >= desk.calls->calendar().deadline(before, rule).addSecs(-1) &&
               deadline <= desk.calls->calendar().deadline(after, rule).addSecs(1);
    };
    {
        auto [forward, before, after] = openForward();
        CHECK(forward->request().officeId == orleans);
        CHECK(within(forward->request().deadline, journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingHours, 16},
                     before, after));
        INFO(forward->deadlineRuleText().toStdString());
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("16 working hours")));
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("rule of the office Bürgerbüro Orleansplatz")));
        forward->reject();
    }

    // A service's own rule wins over its office's: the lead adds one for "Personalausweis" (3 working days).
    dialog = desk.calls->showDeadlines();
    REQUIRE(dialog);
    REQUIRE(dialog->exceptionCount() == 1); // the saved rule is shown again
    const int row = dialog->addException() + 1;
    dialog->findChild<QComboBox *>(QStringLiteral("scope%1").arg(row))->setCurrentIndex(1); // service
    auto *service = dialog->findChild<QComboBox *>(QStringLiteral("target%1").arg(row));
    QTest::keyClicks(service, QStringLiteral("Personalausweis"));
    closePopup();
    dialog->findChild<QSpinBox *>(QStringLiteral("hours%1").arg(row))->setValue(72);
    REQUIRE(dialog->save(&error));
    dialog->reject();
    CHECK(desk.calls->deadlinePolicy().byService.contains(QStringLiteral("1063441")));
    {
        auto [forward, before, after] = openForward();
        CHECK(within(forward->request().deadline, journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingDays, 72},
                     before, after));
        INFO(forward->deadlineRuleText().toStdString());
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("3 working days")));
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("rule of the service Personalausweis")));
        // Sent: the case keeps the deadline of the service's rule.
        forward->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Wann ist mein Ausweis fertig?"));
        QSignalSpy committed(desk.calls.get(), &desk::CallDesk::forwardCommitted);
        forward->accept();
        REQUIRE(committed.count() == 1);
    }
    // A question about "Wohnsitz anmelden" goes to the same office, which has no service rule: the office's rule.
    QString officeCase;
    {
        desk.window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(desk.window.get()));
        QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
        desk.openAndWait(QStringLiteral("1063475"));
        QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
        REQUIRE(desk.calls->wrapUpPanel()->isOpen());
        auto [forward, before, after] = openForward();
        CHECK(forward->request().officeId == orleans);
        CHECK(forward->request().serviceId == QStringLiteral("1063475"));
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("16 working hours")));
        forward->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Muss ich persönlich kommen?"));
        QSignalSpy committed(desk.calls.get(), &desk::CallDesk::forwardCommitted);
        forward->accept();
        REQUIRE(committed.count() == 1);
        officeCase = committed.first().at(0).toString();
    }
    {
        // Just after the office rule's deadline, that case is overdue in the open-cases view and the one under the
        // service's 3 working days is not.
        desk.calls->showCases();
        journal::CaseListModel *model = desk.calls->casesView()->model();
        REQUIRE(model->rowCount() == 2);
        const int officeRow = model->caseAt(0)->caseNumber == officeCase ? 0 : 1;
        REQUIRE(model->caseAt(officeRow)->caseNumber == officeCase);
        model->setNow(model->caseAt(officeRow)->deadline.addSecs(60));
        CHECK(model->index(officeRow, 0).data(journal::CaseListModel::OverdueRole).toBool());
        CHECK_FALSE(model->index(1 - officeRow, 0).data(journal::CaseListModel::OverdueRole).toBool());
        CHECK(model->ruleOf(*model->caseAt(officeRow)).hours == 16);
        CHECK(model->ruleOf(*model->caseAt(1 - officeRow)).hours == 72);
        desk.calls->casesView()->hide();
        for (int row = 0; row < 2; ++row) { // out of the way of the next check
            desk.calls->casesView()->table()->setCurrentIndex(model->index(0, 0));
            REQUIRE(desk.calls->casesView()->markSelected(false, &error));
        }
    }

    // The open-cases view counts each case under its own rule: the same deadline is 10 service hours away for the
    // office with working hours and 24 h of working days away for another office.
    const auto commit = [&](const QString &officeId) {
        journal::CallRecord call;
        call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        call.agent = QStringLiteral("agent7");
        REQUIRE(store->saveDraft(call, &error));
        journal::ForwardRequest r;
        r.fromEmail = QStringLiteral("buergertelefon@example.org");
        r.officeId = officeId;
        r.officeEmail = QStringLiteral("office@example.org");
        r.officeName = officeId;
        r.serviceId = QStringLiteral("1071801");
        r.serviceTitle = QStringLiteral("Wohnsitz");
        r.question = QStringLiteral("Frage");
        r.deadline = QDateTime(QDate(2026, 3, 2), QTime(12, 0), journal::BusinessCalendar::berlin());
        journal::ForwardResult result;
        INFO(error.toStdString());
        REQUIRE(store->commitForward(call, r, &result, &error));
    };
    commit(orleans);
    commit(QStringLiteral("10489"));
    desk.calls->showCases();
    journal::CaseListModel *model = desk.calls->casesView()->model();
    model->setDueSoonSeconds(12 * 3600);
    model->setNow(QDateTime(QDate(2026, 2, 27), QTime(12, 0), journal::BusinessCalendar::berlin()));
    REQUIRE(model->rowCount() == 2);
    for (int i = 0; i < 2; ++i) {
        const bool ruled = model->caseAt(i)->officeId == orleans;
        CHECK(model->index(i, 0).data(journal::CaseListModel::SecondsLeftRole).toLongLong() ==
              (ruled ? 10 : 24) * 3600);
        CHECK(model->index(i, 0).data(journal::CaseListModel::DueSoonRole).toBool() == ruled);
    }
    desk.calls->setEditorialSession(nullptr);
}

TEST_CASE("the privacy period of the mail settings round-trips and the start-up purge uses it", "[calls][privacy]")
{
    QSettings().clear();
    desk::MailSettingsPage mail;
    {
        QSettings settings;
        mail.load(settings);
    }
    auto *days = mail.findChild<QSpinBox *>(QStringLiteral("privacyRetentionDays"));
    auto *mode = mail.findChild<QComboBox *>(QStringLiteral("privacyMode"));
    REQUIRE(days);
    REQUIRE(mode);
    CHECK(days->value() == 30);
    CHECK_FALSE(days->accessibleName().isEmpty());
    CHECK_FALSE(mode->accessibleName().isEmpty());
    days->setValue(5);
    mode->setCurrentIndex(mode->findData(QStringLiteral("remove")));
    {
        QSettings settings;
        mail.save(settings);
        settings.sync();
    }
    QSettings settings;
    QTemporaryDir dir;
    desk::CallDeskConfig config = desk::loadCallDeskConfig(settings);
    CHECK(config.privacyRetentionDays == 5);
    CHECK_FALSE(config.privacyMask);
    const desk::CallDeskConfig base = configIn(dir);
    config.journalPath = base.journalPath;
    config.reminderCheckMs = base.reminderCheckMs;
    config.sipEnabled = false;
    config.mailEnabled = false;

    // Calls 7 and 3 days old: with 5 days the older number is removed at start, the newer one kept.
    QString error;
    QString oldId;
    QString recentId;
    {
        auto store = journal::JournalStore::open(config.journalPath, &error);
        REQUIRE(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int age : {7, 3}) {
            journal::CallRecord call;
            call.offeredAt = now.addDays(-age);
            call.answeredAt = call.offeredAt.addSecs(5);
            call.endedAt = call.offeredAt.addSecs(120);
            call.callerNumber = QStringLiteral("+49351123456");
            call.agent = QStringLiteral("agent7");
            call.outcome = journal::Outcome::AnsweredDirectly;
            REQUIRE(store->commitCall(call, &error));
            (age == 7 ? oldId : recentId) = call.id;
        }
    }
    CallsDesk desk(config);
    const auto old = desk.calls->journal()->call(oldId);
    const auto recent = desk.calls->journal()->call(recentId);
    REQUIRE(old);
    REQUIRE(recent);
    CHECK(old->callerPurged);
    CHECK(old->callerNumber.isEmpty()); // removed, not masked
    CHECK_FALSE(recent->callerPurged);
    CHECK(recent->callerNumber == QStringLiteral("+49351123456"));
}

TEST_CASE("the call journal exports the calls of a date range as CSV", "[calls][export]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &number : {QStringLiteral("+49351111111"), QStringLiteral("+49351222222")}) {
        journal::CallRecord call;
        call.offeredAt = now.addSecs(-600);
        call.endedAt = now.addSecs(-500);
        call.callerNumber = number;
        call.agent = QStringLiteral("agent7");
        call.outcome = journal::Outcome::AnsweredDirectly;
        REQUIRE(desk.calls->journal()->commitCall(call, &error));
    }
    journal::CallRecord old;
    old.offeredAt = now.addDays(-20);
    old.endedAt = old.offeredAt.addSecs(60);
    old.callerNumber = QStringLiteral("+49351333333");
    old.outcome = journal::Outcome::AnsweredDirectly;
    REQUIRE(desk.calls->journal()->commitCall(old, &error));

    const QString path = dir.filePath(QStringLiteral("export.csv"));
    const QDate today = now.toLocalTime().date();
    REQUIRE(desk.calls->exportJournal(path, today.addDays(-1), today, &error));
    const QString csv = readAll(path);
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3); // header and the two calls of the range
    CHECK(csv.contains(QStringLiteral("+49351111111")));
    CHECK(csv.contains(QStringLiteral("+49351222222")));
    CHECK_FALSE(csv.contains(QStringLiteral("+49351333333")));
    // A reversed range is refused with a clear message and writes nothing.
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    CHECK_FALSE(desk.calls->exportJournal(bad, today, today.addDays(-1), &error));
    CHECK(error.contains(QStringLiteral("before")));
    CHECK_FALSE(QFile::exists(bad));
    bool found = false;
    for (QAction *action : desk.calls->actions()) {
        found = found || action->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+J"));
    }
    CHECK(found);
}

TEST_CASE("the views kept for the session and the phone status follow a language switch", "[calls][i18n]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir)); // English
    desk.calls->showCases();
    desk.calls->showOutbox();
    desk.calls->showAppointments();
    desk::CasesView *cases = desk.calls->casesView();
    REQUIRE(cases);
    REQUIRE(desk.calls->outboxView());
    REQUIRE(desk.calls->appointmentsView());
    const auto button = [](QWidget *view, const char *objectNameOrText) {
        for (QPushButton *b : view->findChildren<QPushButton *>()) {
            if (b->objectName() == QLatin1String(objectNameOrText) ||
                b->text() == QString::fromUtf8(objectNameOrText)) {
                return b;
            }
        }
        return static_cast<QPushButton *>(nullptr);
    };
    REQUIRE(button(cases, "markAnswered"));
    CHECK(button(cases, "markAnswered")->text() == QStringLiteral("Mark &answered"));
    CHECK(desk.calls->outboxView()->table()->horizontalHeaderItem(1)->text() == QStringLiteral("To"));
    const auto phoneShows = [&](const QString &text) {
        for (QLabel *label : desk.calls->controls()->findChildren<QLabel *>()) {
            if (label->text() == text) {
                return true;
            }
        }
        return false;
    };
    CHECK(phoneShows(QStringLiteral("No telephony: record calls by hand (Ctrl+N)")));

    desk.window->applyLanguage(QStringLiteral("de"));
    // LanguageChange reaches the widgets as posted events.
    REQUIRE(QTest::qWaitFor([&]() { return cases->windowTitle() == QStringLiteral("Offene Vorgänge"); }, 5000));
    CHECK(button(cases, "markAnswered")->text() == QStringLiteral("Als &beantwortet markieren"));
    CHECK(desk.calls->outboxView()->windowTitle() == QStringLiteral("Postausgang"));
    CHECK(desk.calls->outboxView()->table()->horizontalHeaderItem(1)->text() == QStringLiteral("An"));
    CHECK(button(desk.calls->appointmentsView(), "Termin &absagen"));
    // The column titles fit ("Bürgerin / Bürger" was cut off at the default width).
    const QHeaderView *header = desk.calls->appointmentsView()->table()->horizontalHeader();
    for (int i = 0; i < header->count(); ++i) {
        INFO(desk.calls->appointmentsView()->table()->horizontalHeaderItem(i)->text().toStdString());
        CHECK(header->sectionSize(i) >= header->sectionSizeHint(i));
    }
    CHECK(phoneShows(QStringLiteral("Keine Telefonie: Anrufe von Hand erfassen (Strg+N)")));
    desk.window->applyLanguage(QStringLiteral("en"));
    REQUIRE(QTest::qWaitFor([&]() { return cases->windowTitle() == QStringLiteral("Open cases"); }, 5000));
    CHECK(desk.calls->appointmentsView()->windowTitle() == QStringLiteral("Appointments"));
}

TEST_CASE("during a wrap-up the desk fits a 1280x800 screen, the caller column scrolls to the focused field",
          "[calls][layout]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(desk.calls->wrapUpPanel()->isOpen());
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        desk.window->applyLanguage(lang);
        QTest::qWait(50);
        INFO(lang.toStdString());
        // Room for a title bar, a panel and the window frame on a 1280×800 screen.
        CHECK(desk.window->minimumSizeHint().width() <= 1280);
        CHECK(desk.window->minimumSizeHint().height() <= 720);
    }
    desk.window->resize(1280, 760);
    QTest::qWait(100);
    // Every list tab of the search panel is in sight (no tab behind the scroll arrows), in both languages.
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        desk.window->applyLanguage(lang);
        QTest::qWait(50);
        const QTabBar *tabs = desk.window->searchPanel()->tabs()->tabBar();
        for (int i = 0; i < tabs->count(); ++i) {
            INFO(lang.toStdString() << ": " << tabs->tabText(i).toStdString());
            CHECK(tabs->tabRect(i).right() <= tabs->width());
        }
    }
    // F1 lists every key (some 45 rows with the call keys) within the window.
    desk.window->shortcutsOverlay()->toggle();
    auto *keys = desk.window->shortcutsOverlay()->findChild<QLabel *>();
    REQUIRE(keys);
    CHECK(keys->sizeHint().height() <= desk.window->height());
    CHECK(keys->sizeHint().width() <= desk.window->width());
    desk.window->shortcutsOverlay()->toggle();
    auto *notes = desk.calls->wrapUpPanel()->findChild<QPlainTextEdit *>();
    REQUIRE(notes);
    notes->setFocus();
    QTest::qWait(50);
    // The wrap-up notes are scrolled into the visible part of the caller column.
    QWidget *column = desk.window->findChild<QWidget *>(QStringLiteral("CallerColumn"));
    REQUIRE(column);
    const QRect visible(column->mapToGlobal(QPoint(0, 0)), column->size());
    const QRect field(notes->mapToGlobal(QPoint(0, 0)), notes->size());
    CHECK(visible.intersects(field));
    CHECK(visible.contains(field.topLeft()));
}

TEST_CASE("the call dialogs and views name every field for screen readers in German and English", "[calls][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    QString error;
    appointments::OfficeSchedule office;
    office.officeId = QStringLiteral("102522");
    office.name = QStringLiteral("Bürgerbüro Orleansplatz");
    office.capacity = 1;
    office.cellMinutes = 20;
    for (int day = 1; day <= 7; ++day) {
        office.hours.append({day, QTime(0, 0), QTime(23, 40)});
    }
    REQUIRE(desk.calls->appointments()->setOffice(office, &error));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(desk.calls->wrapUpPanel()->isOpen());
    const auto trigger = [&desk](const char *keys) {
        for (QAction *action : desk.calls->actions()) {
            if (action->shortcuts().contains(QKeySequence(QString::fromLatin1(keys)))) {
                action->trigger();
            }
        }
    };
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        desk.window->applyLanguage(lang);
        QTest::qWait(50);
        const auto check = [&lang](const char *where, QWidget *root) {
            REQUIRE(root);
            const QStringList unnamed = deskfixtures::unnamedWidgets(root);
            INFO(lang.toStdString() << ", " << where << ":\n" << unnamed.join(QLatin1Char('\n')).toStdString());
            CHECK(unnamed.isEmpty());
        };
        check("main window in a wrap-up", desk.window.get());
        trigger("Alt+2");
        check("forward", desk.calls->forwardDialog());
        desk.calls->forwardDialog()->reject();
        trigger("Alt+3");
        check("appointment", desk.calls->appointmentDialog());
        desk.calls->appointmentDialog()->reject();
        desk.calls->showCases();
        check("open cases", desk.calls->casesView());
        desk.calls->casesView()->reject();
        desk.calls->showOutbox();
        check("outbox", desk.calls->outboxView());
        desk.calls->outboxView()->reject();
        desk.calls->showAppointments();
        check("appointments", desk.calls->appointmentsView());
        desk.calls->appointmentsView()->reject();
        desk::OfficeScheduleDialog *schedules = desk.calls->showOfficeSchedules();
        check("office hours", schedules);
        schedules->reject();
    }
}

TEST_CASE("Tab goes down the caller column, wrap-up included, before the search box and the results",
          "[calls][keyboard]")
{
    QSettings().clear();
    QTemporaryDir dir;
    CallsDesk desk(configIn(dir));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(desk.calls->wrapUpPanel()->isOpen());
    QList<QWidget *> chain; // what Tab reaches, from the window's first widget on
    QWidget *root = desk.window.get();
    for (QWidget *w = root->nextInFocusChain(); w != root; w = w->nextInFocusChain()) {
        if (w->isVisibleTo(root) && w->isEnabledTo(root) && (w->focusPolicy() & Qt::TabFocus)) {
            chain << w;
        }
    }
    const auto at = [&chain](QWidget *w) {
        REQUIRE(w);
        INFO(w->metaObject()->className() << " " << w->accessibleName().toStdString());
        REQUIRE(chain.contains(w));
        return chain.indexOf(w);
    };
    desk::WrapUpPanel *wrapUp = desk.calls->wrapUpPanel();
    const qsizetype agentState = at(desk.calls->controls()->findChild<QComboBox *>());
    const qsizetype notes = at(wrapUp->findChild<QPlainTextEdit *>());
    QPushButton *answered = nullptr;
    for (QPushButton *b : wrapUp->findChildren<QPushButton *>()) {
        answered = b->text().contains(QStringLiteral("Alt+1")) ? b : answered;
    }
    const qsizetype outcome = at(answered);
    const qsizetype search = at(desk.window->searchPanel()->searchEdit());
    CHECK(agentState < notes);
    CHECK(notes < outcome);
    CHECK(outcome < search);
    CHECK(search < at(desk.window->searchPanel()->tabs()));
}

TEST_CASE("render call review pictures", "[.shots]")
{
    // Not a check: pictures for a human review of the call states (run with "[.shots]", files in $SHOTS_DIR).
    QSettings().clear();
    QTemporaryDir dir;
    const QString out = qEnvironmentVariable("SHOTS_DIR", QStringLiteral("/tmp"));
    CallsDesk desk(configIn(dir));
    desk.window->resize(1380, 900);
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    desk.openAndWait(QStringLiteral("1063441"));
    QTest::qWait(300);
    desk.window->grab().save(out + QStringLiteral("/calls-talking.png"));
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    QTest::qWait(300);
    desk.window->grab().save(out + QStringLiteral("/calls-wrapup.png"));
    QTest::keyClick(desk.window.get(), Qt::Key_F1);
    QTest::qWait(300);
    desk.window->grab().save(out + QStringLiteral("/calls-overlay.png"));
    QTest::keyClick(desk.window.get(), Qt::Key_Escape);
    QTest::keyClick(desk.window.get(), Qt::Key_2, Qt::AltModifier);
    REQUIRE(desk.calls->forwardDialog());
    QTest::qWait(300);
    desk.calls->forwardDialog()->grab().save(out + QStringLiteral("/calls-forward.png"));
    desk.calls->forwardDialog()->reject();

    // "Fristen" in German with an office and a service exception, and the forward dialog naming the rule.
    desk.language.apply(QStringLiteral("de"));
    desk::EditorialSession session(std::make_unique<MemoryStore>(munichSample()));
    desk.calls->setEditorialSession(&session);
    session.signIn(user(QStringLiteral("lead"), kb::Role::Lead));
    journal::DeadlinePolicy policy;
    policy.byOffice.insert(QStringLiteral("102522"),
                           journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingHours, 16});
    policy.byService.insert(QStringLiteral("1063475"),
                            journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingDays, 72});
    desk::DeadlinesDialog *deadlines = desk.calls->showDeadlines();
    REQUIRE(deadlines);
    deadlines->setPolicy(policy);
    QString error;
    REQUIRE(deadlines->save(&error));
    QTest::qWait(300);
    deadlines->grab().save(out + QStringLiteral("/calls-deadlines.png"));
    deadlines->reject();
    for (QAction *action : desk.calls->actions()) {
        if (action->shortcuts().contains(QKeySequence(QStringLiteral("Alt+2")))) {
            action->trigger();
        }
    }
    REQUIRE(desk.calls->forwardDialog());
    QTest::qWait(300);
    desk.calls->forwardDialog()->grab().save(out + QStringLiteral("/calls-forward-rule.png"));
    desk.calls->forwardDialog()->reject();
    desk.calls->setEditorialSession(nullptr);
}

TEST_CASE("render dialog review pictures in German and English", "[.shots]")
{
    const QString out = qEnvironmentVariable("SHOTS_DIR", QStringLiteral("/tmp"));
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        QSettings().clear();
        QTemporaryDir dir;
        CallsDesk desk(configIn(dir));
        desk.language.apply(lang);
        desk.window->resize(1280, 800);
        QString error;
        appointments::OfficeSchedule office;
        office.officeId = QStringLiteral("102522");
        office.name = QStringLiteral("Bürgerbüro Orleansplatz");
        office.address = QStringLiteral("Orleansstraße 50, 81667 München");
        office.capacity = 1;
        office.cellMinutes = 20;
        for (int day = 1; day <= 7; ++day) {
            office.hours.append({day, QTime(0, 0), QTime(23, 40)});
        }
        REQUIRE(desk.calls->appointments()->setOffice(office, &error));
        const QString p = lang + QLatin1Char('-');
        shoot(desk.window.get(), out, p + QStringLiteral("main-idle"));
        QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
        desk.openAndWait(QStringLiteral("1063441"));
        shoot(desk.window.get(), out, p + QStringLiteral("main-call"));
        QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
        shoot(desk.window.get(), out, p + QStringLiteral("main-wrapup"));
        const auto trigger = [&desk](const char *keys) {
            for (QAction *action : desk.calls->actions()) {
                if (action->shortcuts().contains(QKeySequence(QString::fromLatin1(keys)))) {
                    action->trigger();
                }
            }
        };
        trigger("Alt+2");
        REQUIRE(desk.calls->forwardDialog());
        shoot(desk.calls->forwardDialog(), out, p + QStringLiteral("forward"));
        desk.calls->forwardDialog()->reject();
        trigger("Alt+3");
        REQUIRE(desk.calls->appointmentDialog());
        shoot(desk.calls->appointmentDialog(), out, p + QStringLiteral("appointment"));
        desk.calls->appointmentDialog()->reject();
        desk.calls->showCases();
        shoot(desk.calls->casesView(), out, p + QStringLiteral("cases"));
        desk.calls->casesView()->reject();
        desk.calls->showOutbox();
        shoot(desk.calls->outboxView(), out, p + QStringLiteral("outbox"));
        desk.calls->outboxView()->reject();
        desk.calls->showAppointments();
        shoot(desk.calls->appointmentsView(), out, p + QStringLiteral("appointments"));
        desk.calls->appointmentsView()->reject();
        if (auto *schedules = desk.calls->showOfficeSchedules()) {
            shoot(schedules, out, p + QStringLiteral("schedules"));
            schedules->reject();
        }
        desk.window->shortcutsOverlay()->toggle();
        shoot(desk.window.get(), out, p + QStringLiteral("overlay"));
        desk.window->shortcutsOverlay()->toggle();
        desk::SettingsDialog settings(&desk.settings, QStringLiteral("/var/lib/hotline/katalog.sqlite"),
                                      desk.window.get());
        settings.show();
        auto *pages = settings.findChild<QListWidget *>();
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentRow(i);
            shoot(&settings, out, p + QStringLiteral("settings%1").arg(i));
        }
        settings.reject();
    }
    QSettings().clear();
}
