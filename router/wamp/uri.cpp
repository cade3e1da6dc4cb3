#include "uri.h"

namespace wamp {

namespace {

bool isStrictChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isLooseChar(char c)
{
    return c != '.' && c != '#' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
}

} // namespace

bool isValidUri(QByteArrayView uri, UriCheck check, bool allowEmptyComponents)
{
    if (uri.isEmpty())
        return false;
    qsizetype componentLength = 0;
    for (const char c : uri) {
        if (c == '.') {
            if (componentLength == 0 && !allowEmptyComponents)
                return false;
            componentLength = 0;
            continue;
        }
        if (check == UriCheck::Strict ? !isStrictChar(c) : !isLooseChar(c))
            return false;
        ++componentLength;
    }
    return componentLength > 0 || allowEmptyComponents;
}

} // namespace wamp
