#pragma once

#include <QByteArray>

namespace wampscope {

//! The configuration the router runs on when none is given: realm1, anonymous, ws://127.0.0.1:8080/ws.
QByteArray defaultConfigJson();

} // namespace wampscope
