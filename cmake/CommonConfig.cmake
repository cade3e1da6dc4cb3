# Project-wide settings every target links (see STYLE.md: one INTERFACE target).
add_library(wampscope_common INTERFACE)
target_compile_features(wampscope_common INTERFACE cxx_std_20)
target_compile_definitions(wampscope_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    MSGPACK_NO_BOOST)
target_compile_options(wampscope_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Woverloaded-virtual -Wcast-align)
if(WAMPSCOPE_WERROR)
    target_compile_options(wampscope_common INTERFACE -Werror)
endif()
if(WAMPSCOPE_SANITIZE)
    target_compile_options(wampscope_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(wampscope_common INTERFACE -fsanitize=address,undefined)
endif()
