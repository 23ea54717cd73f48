# SIP area unit tests (pure logic only; the libre adapters are covered by tests/integration).
referphone_add_qtest(NAME tst_registrations LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registrations.cpp LIBS restcomm_logic)
referphone_add_qtest(NAME tst_refer_to LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_refer_to.cpp LIBS restcomm_logic)
