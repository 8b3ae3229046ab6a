#include "deskwindow.h"

#include "searchpanel.h"
#include "searchworker.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

namespace deskfixtures {

DeskWindow::DeskWindow(kb::Catalogue catalogue, const QString &lang)
    : service([catalogue](QString *) { return std::make_unique<MemoryStore>(catalogue); })
{
    language.apply(lang);
    window = std::make_unique<desk::MainWindow>(&service, &settings, &language);
    QSignalSpy ready(window.get(), &desk::MainWindow::catalogueReady);
    service.start();
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    window->activateWindow(); // focus needs an active window (under Xvfb there is no window manager)
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    REQUIRE((ready.count() > 0 || ready.wait(10000)));
}

desk::SearchPanel *DeskWindow::panel() const
{
    return window->searchPanel();
}

QLineEdit *DeskWindow::edit() const
{
    return panel()->searchEdit();
}

kb::SearchResultModel *DeskWindow::results() const
{
    return panel()->resultModel();
}

void DeskWindow::type(const QString &text)
{
    QTest::keyClicks(edit(), text);
    REQUIRE(QTest::qWaitFor([this]() { return results()->shownRequestId() == service.newestSearchId(); }, 5000));
}

} // namespace deskfixtures
