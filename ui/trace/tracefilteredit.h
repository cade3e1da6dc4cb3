#pragma once

#include <QLineEdit>

/*
 * The trace's filter box: its background says whether the expression is valid (light green), invalid (light
 * red, with the reason as tooltip) or empty (the palette's own), like Wireshark's display filter.
 */
class TraceFilterEdit : public QLineEdit {
    Q_OBJECT
    Q_PROPERTY(State state READ state)

public:
    enum class State { Empty, Valid, Invalid };
    Q_ENUM(State)

    explicit TraceFilterEdit(QWidget* parent = nullptr);

    State state() const { return m_state; }
    //! Shows \a state; \a error becomes the tooltip of an invalid expression.
    void setState(State state, const QString& error = {});

private:
    State m_state = State::Empty;
    QString m_helpText;
};
