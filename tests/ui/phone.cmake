# Tests of the softphone window (ui/phone): widgets driven with FakeEngine under the offscreen
# platform (label ui), and its storage/protocol pieces (label unit).
set(PHONE_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/ui)
referphone_add_qtest(NAME tst_phone_transfer LABEL ui
    SOURCES ${PHONE_TEST_DIR}/tst_phone_transfer.cpp ${PHONE_TEST_DIR}/phone_test_support.h
    LIBS referphone_phone_ui)
referphone_add_qtest(NAME tst_phone_calls LABEL ui
    SOURCES ${PHONE_TEST_DIR}/tst_phone_calls.cpp ${PHONE_TEST_DIR}/phone_test_support.h
    LIBS referphone_phone_ui)
referphone_add_qtest(NAME tst_phone_instance LABEL ui
    SOURCES ${PHONE_TEST_DIR}/tst_phone_instance.cpp ${PHONE_TEST_DIR}/phone_test_support.h
    LIBS referphone_phone_ui)
referphone_add_qtest(NAME tst_phone_storage LABEL unit
    SOURCES ${PHONE_TEST_DIR}/tst_phone_storage.cpp LIBS referphone_phone_ui)
# The two-process round trip runs the real `referphone --status` client.
if(TARGET referphone)
    add_dependencies(tst_phone_instance referphone)
endif()
