# RCML parser and interpreter state machine: pure logic, no sockets.
referphone_add_qtest(NAME tst_rcml_parser LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rcml_parser.cpp LIBS restcomm_logic TIMEOUT 60)
referphone_add_qtest(NAME tst_interpreter LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_interpreter.cpp LIBS restcomm_logic TIMEOUT 60)
