# Flags every target of the project shares, on one INTERFACE target (qBittorrent's qbt_common_cfg).
add_library(hotline_common INTERFACE)
target_compile_options(hotline_common INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
target_compile_definitions(hotline_common INTERFACE
    QT_NO_KEYWORDS                  # Q_SIGNALS/Q_EMIT: no clashes with C SIP headers
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    HOTLINE_VERSION="${PROJECT_VERSION}")

# Fails the build of a test binary when it links a library it must not (kb and cti stay free of QtGui).
function(hotline_forbid_gui_link target)
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:${target}> -P ${PROJECT_SOURCE_DIR}/cmake/CheckNoGui.cmake
        COMMENT "Checking that ${target} does not link QtGui or QtWidgets")
endfunction()
