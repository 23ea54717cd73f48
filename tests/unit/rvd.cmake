# RVD projects: parsing/validation, rendering to RCML, store + controller, the Lab config.
# Pure logic (the store test writes files in a temporary directory only; no sockets).
foreach(rvd_test tst_rvd_project tst_rvd_render tst_rvd_store tst_rvd_lab)
    referphone_add_qtest(NAME ${rvd_test} LABEL unit
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${rvd_test}.cpp LIBS restcomm_logic TIMEOUT 60)
endforeach()
