# Number-config import/export: parsing, validation, planning, export, preview model (pure).
referphone_add_qtest(NAME tst_numberconfig LABEL unit
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_numberconfig.cpp LIBS numberconfig TIMEOUT 60)
