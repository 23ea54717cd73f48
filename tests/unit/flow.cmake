# Flow (ladder) model built from mini-restcomm events (pure).
referphone_add_qtest(NAME tst_flow LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_flow.cpp LIBS flow TIMEOUT 60)
