#pragma once

#include "businesscalendar.h"
#include "serverstores.h"

#include <QDialog>
#include <QStyledItemDelegate>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace journal {
class CaseListModel;
class JournalStore;
} // namespace journal

namespace desk {

// Colours the open-cases rows from the model's roles (the model stays free of QtGui): overdue in the palette's
// strong warning colour, due soon in a lighter one; the text stays readable in dark and light themes.
class CaseDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseDelegate)

public:
    explicit CaseDelegate(QObject *parent = nullptr);
    ~CaseDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// The open forwarded cases: deadline, time left (overdue highlighted), search by case number or phone, and
// "answered" / "called back" to close a case.
class CasesView final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasesView)

public:
    CasesView(journal::JournalStore *store, const journal::BusinessCalendar &calendar, QWidget *parent = nullptr);
    ~CasesView() override;

    void reload();
    // reload() for a change made elsewhere (live refresh in shared mode): the selected case stays selected (if it is
    // still open), the list keeps its scroll position and the status line an action's answer.
    void refresh();
    journal::CaseListModel *model() const;
    QTableView *table() const;
    QLineEdit *searchEdit() const;
    bool markSelected(bool calledBack, QString *error);
    // Lists this case (the search field holds its number), selects it and puts the focus on the list.
    void showCase(const QString &caseNumber);
    // Shared mode: show the server's cases (server set; the view keeps it alive) or the desk's own with a visible,
    // announced note. A non-empty readOnlyReason refuses closing a case with that message. Takes effect at reload().
    void setSource(std::shared_ptr<journal::JournalStore> server, const QString &note, const QString &readOnlyReason);
    QString sourceNote() const;
    bool showsServer() const;
    // Time left and "due soon" of each case are counted under its own rule (office / service of the case).
    void setDeadlinePolicy(const journal::DeadlinePolicy &policy);

Q_SIGNALS:
    // The agent closed this case here (answered / called back).
    void caseClosed(const QString &caseNumber);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    journal::JournalStore *store() const;

    journal::JournalStore *m_store;
    journal::BusinessCalendar m_calendar;
    ViewSource<journal::JournalStore> m_source;
    journal::CaseListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QPushButton *m_answered;
    QPushButton *m_calledBack;
    QLabel *m_status;
    QString m_listStatus; // what reload() put into m_status (anything else is an action's answer)
    QTimer *m_tick;
};

} // namespace desk
