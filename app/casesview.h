#pragma once

#include <QDialog>
#include <QStyledItemDelegate>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace journal {
class CaseListModel;
class JournalStore;
class BusinessCalendar;
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
    journal::CaseListModel *model() const;
    QTableView *table() const;
    QLineEdit *searchEdit() const;
    bool markSelected(bool calledBack, QString *error);

private:
    journal::JournalStore *m_store;
    journal::CaseListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QPushButton *m_answered;
    QPushButton *m_calledBack;
    QLabel *m_status;
    QTimer *m_tick;
};

} // namespace desk
