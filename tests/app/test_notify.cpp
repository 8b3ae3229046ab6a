// Due cases as desktop notifications, against a real notification server: dunst (Debian package "dunst") on a
// private D-Bus bus (dbus-daemon with a test config, no service activation) and its own Xvfb display. What reached
// the server is read back from dunst itself (dunstctl count/history over its org.dunstproject.cmd0 interface) and
// from dbus-monitor on that bus (the Notify calls with their hints and actions); the "Open" action is run by dunst
// (dunstctl action → dunst emits ActionInvoked to the desk, exactly as when the agent clicks the notification).
#include "catch_qt.h"

#include "calldesk.h"
#include "journalfixture.h"
#include "callsettingspages.h"
#include "caselistmodel.h"
#include "casesview.h"
#include "desksettings.h"
#include "desktopnotifier.h"
#include "journalstore.h"
#include "language.h"
#include "mainwindow.h"
#include "memorystore.h"
#include "searchservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace deskfixtures;

namespace {

constexpr int StartTimeoutMs = 10000;

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QTest::qWait(50);
    }
    return true;
}

// A private session-type bus, optionally with dunst (on its own Xvfb display) owning org.freedesktop.Notifications,
// and dbus-monitor recording the Notifications calls on it.
class NotificationBus
{
public:
    explicit NotificationBus(bool withDunst)
    {
        REQUIRE(m_dir.isValid());
        writeFile(QStringLiteral("bus.conf"),
                  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                  "<busconfig><type>session</type><listen>unix:dir=" +
                      m_dir.path().toUtf8() +
                      "</listen><auth>EXTERNAL</auth>\n"
                      "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                      "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        m_address = startAndReadLine(m_bus, QStringLiteral("dbus-daemon"),
                                     {QStringLiteral("--config-file=") + m_dir.filePath(QStringLiteral("bus.conf")),
                                      QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        REQUIRE_FALSE(m_address.isEmpty());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        m_connection = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(m_address, QStringLiteral("notify-test-%1").arg(++s_serial)));
        REQUIRE(m_connection->isConnected());

        m_monitor.setProcessEnvironment(m_env);
        m_monitor.setStandardOutputFile(m_dir.filePath(QStringLiteral("monitor.log")));
        m_monitor.start(QStringLiteral("dbus-monitor"),
                        {QStringLiteral("--address"), m_address,
                         QStringLiteral("type='method_call',interface='org.freedesktop.Notifications'")});
        REQUIRE(m_monitor.waitForStarted());
        // It is a monitor once the bus has taken its name away (BecomeMonitor): from then on it sees every call.
        REQUIRE(waitFor([this]() { return monitorLog().contains(QStringLiteral("member=NameLost")); }, StartTimeoutMs));

        if (!withDunst) {
            return;
        }
        const QString display = startAndReadLine(
            m_xvfb, QStringLiteral("Xvfb"),
            {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-nolisten"), QStringLiteral("tcp"),
             QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1024x768x24")});
        REQUIRE_FALSE(display.isEmpty());
        m_env.insert(QStringLiteral("DISPLAY"), QLatin1Char(':') + display);
        // Notifications stay until closed (as the desk asks with expire_timeout 0, also for normal urgency).
        writeFile(QStringLiteral("dunstrc"), "[global]\n    idle_threshold = 0\n[urgency_normal]\n    timeout = 0\n"
                                             "[urgency_critical]\n    timeout = 0\n");
        m_dunst.setProcessEnvironment(m_env);
        m_dunst.setProcessChannelMode(QProcess::MergedChannels);
        m_dunst.start(QStringLiteral("dunst"), {QStringLiteral("-config"), m_dir.filePath(QStringLiteral("dunstrc"))});
        REQUIRE(m_dunst.waitForStarted());
        REQUIRE(waitFor(
            [this]() {
                return m_connection->interface()
                    ->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications"))
                    .value();
            },
            StartTimeoutMs));
    }

    ~NotificationBus()
    {
        for (QProcess *p : {&m_monitor, &m_dunst, &m_xvfb, &m_bus}) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(3000)) {
                    p->kill();
                    p->waitForFinished(3000);
                }
            }
        }
        QDBusConnection::disconnectFromBus(m_connection->name());
    }

    QDBusConnection connection() const
    {
        return *m_connection;
    }

    // dunst's own answer through dunstctl (its control interface on the same bus).
    QString dunstctl(const QStringList &args) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral("dunstctl"), args);
        if (!p.waitForFinished(5000) || p.exitCode() != 0) {
            return QStringLiteral("dunstctl failed: ") + QString::fromUtf8(p.readAllStandardError());
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    int displayed() const
    {
        return dunstctl({QStringLiteral("count"), QStringLiteral("displayed")}).toInt();
    }

    // The notifications dunst has closed, newest first: its history as JSON objects of plain values.
    QList<QJsonObject> history() const
    {
        const QJsonObject doc = QJsonDocument::fromJson(dunstctl({QStringLiteral("history")}).toUtf8()).object();
        QList<QJsonObject> entries;
        for (const QJsonValue &v : doc.value(QStringLiteral("data")).toArray().at(0).toArray()) {
            QJsonObject plain;
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                plain.insert(it.key(), it.value().toObject().value(QStringLiteral("data")));
            }
            entries << plain;
        }
        return entries;
    }

    // What dbus-monitor recorded on the bus so far.
    QString monitorLog() const
    {
        QFile f(m_dir.filePath(QStringLiteral("monitor.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    int notifyCallsSeen() const
    {
        return int(monitorLog().count(QStringLiteral("member=Notify\n")));
    }

private:
    void writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

    static QString startAndReadLine(QProcess &process, const QString &program, const QStringList &args)
    {
        process.start(program, args);
        if (!process.waitForStarted(StartTimeoutMs)) {
            return QString();
        }
        QDeadlineTimer deadline(StartTimeoutMs);
        while (!process.canReadLine() && !deadline.hasExpired()) {
            process.waitForReadyRead(200);
        }
        return QString::fromUtf8(process.readLine()).trimmed();
    }

    static inline int s_serial = 0;
    QTemporaryDir m_dir;
    QString m_address;
    QProcessEnvironment m_env;
    std::unique_ptr<QDBusConnection> m_connection;
    QProcess m_bus;
    QProcess m_xvfb;
    QProcess m_dunst;
    QProcess m_monitor;
};

// One desk as main() builds it, English UI, on a fresh journal; its notifier talks to `bus`.
struct NotifyDesk
{
    NotifyDesk(const desk::CallDeskConfig &config, const QDBusConnection &bus)
        : service([](QString *) { return std::make_unique<MemoryStore>(munichSample()); })
    {
        language.apply(QStringLiteral("en"));
        window = std::make_unique<desk::MainWindow>(&service, &settings, &language);
        calls = std::make_unique<desk::CallDesk>(window.get(), config);
        calls->desktopNotifier()->setConnection(bus);
        QSignalSpy ready(window.get(), &desk::MainWindow::catalogueReady);
        service.start();
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        REQUIRE((ready.count() > 0 || ready.wait(10000)));
        QString error;
        INFO(error.toStdString());
        REQUIRE(calls->start(&error));
    }

    ~NotifyDesk()
    {
        calls.reset();
    }

    // A forwarded case of this desk's journal with the given deadline and reminder time.
    QString forward(const QDateTime &deadline, const QDateTime &remindAt)
    {
        return testfixture::commitForward(calls->journal(), deadline, remindAt);
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
    c.reminderCheckMs = 200;
    return c;
}

} // namespace

TEST_CASE("a due case reaches the desktop's notification server, an overdue reminder replaces it, done closes it",
          "[notify]")
{
    QSettings().clear();
    NotificationBus bus(true);
    QTemporaryDir dir;
    NotifyDesk desk(configIn(dir), bus.connection());
    desk::DesktopNotifier *notifier = desk.calls->desktopNotifier();
    QSignalSpy delivered(notifier, &desk::DesktopNotifier::delivered);
    QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);

    // Due in 3 s: the reminder now, the overdue reminder once the deadline has passed.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString number = desk.forward(now.addSecs(3), now.addSecs(-60));
    REQUIRE((delivered.count() > 0 || delivered.wait(5000)));
    CHECK(delivered.at(0).at(0).toString() == number);
    const uint id = delivered.at(0).at(1).toUInt();
    CHECK(id != 0);
    CHECK(notifier->notificationId(number) == id);
    // The status bar and the screen reader keep saying it.
    CHECK(desk.window->statusBar()->currentMessage().contains(number));
    CHECK(desk.calls->lastAnnouncement().contains(number));
    // dunst shows it; the bus carried app name, summary, urgency "normal" and the Open action.
    CHECK(bus.displayed() == 1);
    REQUIRE(waitFor([&]() { return bus.notifyCallsSeen() == 1; }));
    const QString firstCall = bus.monitorLog();
    CHECK(firstCall.contains(QStringLiteral("string \"Hotline Desk\"")));
    CHECK(firstCall.contains(QStringLiteral("string \"Case %1 is due\"").arg(number)));
    CHECK(firstCall.contains(QStringLiteral("Personalausweis &amp; Reisepass"))); // escaped for markup servers
    CHECK(firstCall.contains(QStringLiteral("string \"urgency\"\n         variant             byte 1")));
    CHECK(firstCall.contains(QStringLiteral("string \"default\"\n      string \"Open\"")));

    // Past the deadline: the second reminder of the case replaces the first (same id, still one on screen).
    REQUIRE((delivered.count() > 1 || delivered.wait(8000)));
    CHECK(delivered.at(1).at(0).toString() == number);
    CHECK(delivered.at(1).at(1).toUInt() == id);
    CHECK(reminded.count() == 2);
    CHECK(desk.calls->lastAnnouncement().contains(QStringLiteral("overdue")));
    CHECK(bus.displayed() == 1);
    REQUIRE(waitFor([&]() { return bus.notifyCallsSeen() == 2; }));
    const QString log = bus.monitorLog();
    const QString second = log.mid(log.lastIndexOf(QStringLiteral("member=Notify\n")));
    CHECK(second.contains(QStringLiteral("uint32 %1\n").arg(id))); // replaces_id
    CHECK(second.contains(QStringLiteral("string \"Case %1 is overdue\"").arg(number)));
    CHECK(second.contains(QStringLiteral("variant             byte 2"))); // critical
    QTest::qWait(600);                                                    // later checks send nothing more
    CHECK(bus.notifyCallsSeen() == 2);

    // The agent closes the case in the desk: the notification goes from the server, into dunst's history.
    desk.calls->showCases();
    desk.calls->casesView()->showCase(number);
    QString error;
    REQUIRE(desk.calls->casesView()->markSelected(false, &error));
    REQUIRE(waitFor([&]() { return bus.displayed() == 0; }));
    const QList<QJsonObject> history = bus.history();
    REQUIRE(history.size() == 1); // replaced, never stacked
    CHECK(history.at(0).value(QStringLiteral("id")).toInt() == int(id));
    CHECK(history.at(0).value(QStringLiteral("appname")).toString() == QStringLiteral("Hotline Desk"));
    CHECK(history.at(0).value(QStringLiteral("summary")).toString() ==
          QStringLiteral("Case %1 is overdue").arg(number));
    CHECK(history.at(0).value(QStringLiteral("body")).toString().contains(QStringLiteral("Bürgerbüro Ruppertstraße")));
    CHECK(notifier->notificationId(number) == 0);
}

TEST_CASE("after a restart the overdue reminder of a case reminded as due comes as a new critical notification, once",
          "[notify][restart]")
{
    QSettings().clear();
    NotificationBus bus(true);
    QTemporaryDir dir;
    const desk::CallDeskConfig config = configIn(dir);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime deadline = now.addSecs(3);
    QString number;
    uint dueId = 0;
    {
        // First run: the case is due (not yet overdue); the agent quits the desk before the deadline.
        NotifyDesk desk(config, bus.connection());
        desk::DesktopNotifier *notifier = desk.calls->desktopNotifier();
        number = desk.forward(deadline, now.addSecs(-60));
        REQUIRE(waitFor([&]() { return notifier->notificationId(number) != 0; }));
        dueId = notifier->notificationId(number);
        CHECK(desk.window->statusBar()->currentMessage().contains(QStringLiteral("Case %1").arg(number)));
        CHECK(desk.window->statusBar()->currentMessage().contains(QStringLiteral("is due")));
        REQUIRE(waitFor([&]() { return bus.notifyCallsSeen() == 1; }));
        CHECK(bus.monitorLog().contains(QStringLiteral("string \"Case %1 is due\"").arg(number)));
        CHECK(bus.monitorLog().contains(QStringLiteral("variant             byte 1")));
    }
    // The deadline passes while the desk is not running.
    REQUIRE(waitFor([&]() { return QDateTime::currentDateTimeUtc() > deadline.addMSecs(200); }, 8000));

    {
        // Second run: at start-up the overdue reminder, in the status bar, to the screen reader and on the desktop.
        NotifyDesk desk(config, bus.connection());
        desk::DesktopNotifier *notifier = desk.calls->desktopNotifier();
        const QString expected = QStringLiteral("Case %1 (Personalausweis & Reisepass) is overdue since").arg(number);
        CHECK(desk.window->statusBar()->currentMessage().startsWith(expected));
        CHECK(desk.calls->lastAnnouncement().startsWith(expected));
        REQUIRE(waitFor([&]() { return bus.notifyCallsSeen() == 2; }));
        const QString log = bus.monitorLog();
        const QString second = log.mid(log.lastIndexOf(QStringLiteral("member=Notify\n")));
        CHECK(second.contains(QStringLiteral("string \"Case %1 is overdue\"").arg(number)));
        CHECK(second.contains(QStringLiteral("variant             byte 2"))); // critical
        // The old process's notification cannot be replaced (its id went with it): a new one, replaces_id 0.
        CHECK(second.contains(QStringLiteral("string \"Hotline Desk\"\n   uint32 0\n")));
        REQUIRE(waitFor([&]() { return notifier->notificationId(number) != 0; }));
        CHECK(notifier->notificationId(number) != dueId);
        CHECK(bus.displayed() == 2); // the due one of the first run stays until the agent dismisses it
        QTest::qWait(800);           // later checks of this run send nothing more
        CHECK(bus.notifyCallsSeen() == 2);
        CHECK(notifier->sentCount() == 1);
    }

    {
        // Third run: both steps are recorded in the journal, the case is still open, and nothing comes again.
        NotifyDesk desk(config, bus.connection());
        QTest::qWait(800);
        CHECK(desk.calls->desktopNotifier()->sentCount() == 0);
        CHECK_FALSE(desk.window->statusBar()->currentMessage().contains(number));
        CHECK_FALSE(desk.calls->lastAnnouncement().contains(number));
        const auto c = desk.calls->journal()->caseByNumber(number);
        REQUIRE(c);
        CHECK(c->state == journal::CaseState::Open);
        CHECK(c->remindedAt.isValid());
        CHECK(c->overdueRemindedAt > deadline);
    }
    CHECK(bus.notifyCallsSeen() == 2);
}

TEST_CASE("the notification's Open action, run by the notification server, brings the desk up with the case",
          "[notify]")
{
    QSettings().clear();
    NotificationBus bus(true);
    QTemporaryDir dir;
    NotifyDesk desk(configIn(dir), bus.connection());
    desk::DesktopNotifier *notifier = desk.calls->desktopNotifier();
    QSignalSpy delivered(notifier, &desk::DesktopNotifier::delivered);
    QSignalSpy activated(notifier, &desk::DesktopNotifier::activated);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString other = desk.forward(now.addSecs(7200), QDateTime()); // a second open case, not due
    const QString number = desk.forward(now.addSecs(3600), now.addSecs(-60));
    REQUIRE((delivered.count() > 0 || delivered.wait(5000)));

    // The agent works in another program; the desk is minimised, its cases view closed.
    QWidget otherProgram;
    otherProgram.show();
    otherProgram.activateWindow();
    REQUIRE(QTest::qWaitForWindowExposed(&otherProgram));
    desk.window->showMinimized();
    CHECK_FALSE(desk.calls->casesView()->isVisible());

    // dunst runs the notification's default action, as on a click, and tells the desk.
    INFO(bus.dunstctl({QStringLiteral("action"), QStringLiteral("0")}).toStdString());
    REQUIRE((activated.count() > 0 || activated.wait(5000)));
    CHECK(activated.at(0).at(0).toString() == number);
    desk::CasesView *cases = desk.calls->casesView();
    REQUIRE(waitFor([&]() { return cases->isVisible(); }));
    CHECK_FALSE(desk.window->windowState() & Qt::WindowMinimized);
    CHECK(desk.window->isVisible());
    const auto selected = cases->model()->caseAt(cases->table()->currentIndex().row());
    REQUIRE(selected);
    CHECK(selected->caseNumber == number);
    CHECK(cases->model()->rowCount() == 1); // just this case listed, not `other`
    CHECK(other != number);
    CHECK(waitFor([&]() { return QApplication::focusWidget() == cases->table(); }));
}

TEST_CASE("with desktop notifications switched off in Settings → Mail nothing is sent, and switched on again it is",
          "[notify][settings]")
{
    QSettings().clear();
    // The setting, through the page as the agent sets it.
    {
        desk::MailSettingsPage page;
        QSettings settings;
        page.load(settings);
        auto *box = page.findChild<QCheckBox *>(QStringLiteral("desktopNotifications"));
        REQUIRE(box);
        CHECK(box->isChecked()); // on by default
        CHECK_FALSE(box->accessibleName().isEmpty());
        CHECK_FALSE(box->accessibleDescription().isEmpty());
        CHECK(box->text().contains(QLatin1Char('&')));
        box->setChecked(false);
        page.save(settings);
        settings.sync();
    }
    QSettings settings;
    QTemporaryDir dir;
    desk::CallDeskConfig config = desk::loadCallDeskConfig(settings);
    CHECK_FALSE(config.desktopNotifications);
    const desk::CallDeskConfig base = configIn(dir);
    config.journalPath = base.journalPath;
    config.reminderCheckMs = base.reminderCheckMs;
    config.agent = base.agent;
    config.sipEnabled = false;
    config.mailEnabled = false;

    NotificationBus bus(true);
    NotifyDesk desk(config, bus.connection());
    desk::DesktopNotifier *notifier = desk.calls->desktopNotifier();
    QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString number = desk.forward(now.addSecs(3600), now.addSecs(-60));
    REQUIRE((reminded.count() > 0 || reminded.wait(5000)));
    CHECK(desk.window->statusBar()->currentMessage().contains(number)); // the desk still says it
    QTest::qWait(500);
    CHECK(notifier->sentCount() == 0);
    CHECK(bus.notifyCallsSeen() == 0);
    CHECK(bus.displayed() == 0);
    CHECK(bus.history().isEmpty());

    // Switched on again in the settings (OK in the dialog): the next due case shows on the desktop at once.
    settings.beginGroup(QStringLiteral("Calls"));
    settings.setValue(QStringLiteral("notifications/desktop"), true);
    settings.endGroup();
    settings.sync();
    Q_EMIT desk.window->settingsSaved();
    QSignalSpy delivered(notifier, &desk::DesktopNotifier::delivered);
    const QString later = desk.forward(now.addSecs(3600), now.addSecs(-30));
    REQUIRE((delivered.count() > 0 || delivered.wait(5000)));
    CHECK(delivered.at(0).at(0).toString() == later);
    CHECK(bus.displayed() == 1);
}

namespace {
int s_notifyLogLines = 0;
QtMessageHandler s_previousHandler = nullptr;
void countNotifyLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category) == "hotline.desk.notify") {
        ++s_notifyLogLines;
    }
    if (s_previousHandler) {
        s_previousHandler(type, context, message);
    }
}
} // namespace

TEST_CASE("without a notification service on the bus the desk reminds as before, logs once and says nothing more",
          "[notify]")
{
    QSettings().clear();
    NotificationBus bus(false); // a bus without org.freedesktop.Notifications (and no service activation)
    QTemporaryDir dir;
    NotifyDesk desk(configIn(dir), bus.connection());
    desk::DesktopNotifier *notifier = desk.calls->desktopNotifier();
    QSignalSpy delivered(notifier, &desk::DesktopNotifier::delivered);
    QSignalSpy reminded(desk.calls.get(), &desk::CallDesk::reminderShown);
    s_notifyLogLines = 0;
    s_previousHandler = qInstallMessageHandler(countNotifyLog);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString first = desk.forward(now.addSecs(3600), now.addSecs(-60));
    REQUIRE((reminded.count() > 0 || reminded.wait(5000)));
    CHECK(desk.window->statusBar()->currentMessage().contains(first));
    CHECK(desk.calls->lastAnnouncement().contains(first));
    const QString second = desk.forward(now.addSecs(3600), now.addSecs(-30));
    REQUIRE(waitFor([&]() { return reminded.count() == 2; }));
    CHECK(desk.calls->lastAnnouncement().contains(second));
    REQUIRE(waitFor([&]() { return notifier->sentCount() == 2 && bus.notifyCallsSeen() == 2; }));
    QTest::qWait(500); // the error replies have arrived
    qInstallMessageHandler(s_previousHandler);
    CHECK(s_notifyLogLines == 1);
    CHECK(delivered.isEmpty());
    CHECK(notifier->shownKeys().isEmpty());
    for (QWidget *w : QApplication::topLevelWidgets()) {
        CHECK_FALSE((qobject_cast<QMessageBox *>(w) && w->isVisible())); // nothing pops up for the agent
    }
}
