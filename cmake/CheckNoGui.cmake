# Run as a POST_BUILD step: lists the shared libraries a binary needs and fails if QtGui/QtWidgets is among them.
execute_process(COMMAND readelf -d ${BINARY} OUTPUT_VARIABLE dyn RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "readelf failed on ${BINARY}")
endif()
if(dyn MATCHES "libQt6(Gui|Widgets|WebEngine)")
    message(FATAL_ERROR "${BINARY} links ${CMAKE_MATCH_0}: kb and cti must stay free of the GUI")
endif()
