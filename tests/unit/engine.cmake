# Unit tests of the phone engine's pure logic and of FakeEngine (no sockets, no baresip).
referphone_add_qtest(NAME tst_engine_sip_target LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_sip_target.cpp LIBS referphone_engine)
referphone_add_qtest(NAME tst_engine_fake LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_fake.cpp LIBS referphone_engine)
referphone_add_qtest(NAME tst_engine_ctrl_protocol LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_ctrl_protocol.cpp LIBS referphone_engine)
referphone_add_qtest(NAME tst_engine_call_table LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_call_table.cpp LIBS referphone_engine)
referphone_add_qtest(NAME tst_engine_transfer_tracker LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_transfer_tracker.cpp LIBS referphone_engine)
referphone_add_qtest(NAME tst_engine_config LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_config.cpp LIBS referphone_engine_audio)
referphone_add_qtest(NAME tst_engine_ctrl_client LABEL unit
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/tst_engine_ctrl_client.cpp LIBS referphone_engine)
