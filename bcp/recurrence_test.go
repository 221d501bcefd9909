package bcp
