#pragma once

#include <QList>
#include <QString>

/*!
 * One problem the configuration loader reported for the edited configuration, with its JSON path mapped
 * back to the element and field of the model that produced it (see ConfigValidator).
 */
struct ConfigIssue {
    enum class Target { Document, Transport, Realm };

    Target target = Target::Document;
    //! The transport's or realm's index in the configuration; -1 for the document.
    int index = -1;
    //! Within a realm: the role's index, and the permission's index within that role (-1 when the issue is
    //! about the realm or the role itself).
    int role = -1;
    int permission = -1;
    /*!
     * The field, relative to the innermost element and independent of the transport type's JSON layout:
     * `endpoint.port`, `endpoint.tls.key`, `websocket.serializers`, `rawsocket.options.handshake_timeout`,
     * `name`, `options.uri_check`, `uri`, `allow.call`. List indices are dropped (`serializers[2]` is
     * `serializers`).
     */
    QString field;
    //! The loader's message, without the path.
    QString message;
    //! The loader's path, as it reported it.
    QString path;
    bool warning = false;

    friend bool operator==(const ConfigIssue&, const ConfigIssue&) = default;
};

using ConfigIssues = QList<ConfigIssue>;
