#!/usr/bin/env python3
"""Adds or updates texts in a component's .resx, .fr.resx and .id.resx at once, so the three languages stay in step.

Usage: tools/resx/resx.py src/Dashboard.Web/Components/Pages/Audit/AuditLogPage < table
The table has one text per line: key<TAB>English<TAB>French<TAB>Indonesian (lines starting with # are skipped).
Keys already in the files get the new texts; others are added at the end. Nothing else in the files changes.
"""
import os
import sys
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''


def escape(text, quote=False):
    text = text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    return text.replace('"', '&quot;') if quote else text


def read(path):
    if not os.path.exists(path):
        return {}
    texts = {}
    for data in ET.parse(path).getroot().findall('data'):
        value = data.find('value')
        texts[data.get('name')] = value.text or '' if value is not None else ''
    return texts


def write(path, texts):
    with open(path, 'w', encoding='utf-8') as out:
        out.write(HEADER)
        for key, value in texts.items():
            out.write(f'  <data name="{escape(key, True)}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
        out.write('</root>\n')


def main():
    base = sys.argv[1].removesuffix('.resx').removesuffix('.razor')
    rows = [line.rstrip('\n').split('\t') for line in sys.stdin if line.strip() and not line.startswith('#')]
    for row in rows:
        if len(row) != 4 or not all(cell.strip() for cell in row):
            sys.exit(f'need key, English, French, Indonesian (tab-separated): {row}')
    for index, suffix in ((1, ''), (2, '.fr'), (3, '.id')):
        path = f'{base}{suffix}.resx'
        texts = read(path)
        for row in rows:
            texts[row[0]] = row[index]
        write(path, texts)


if __name__ == '__main__':
    main()
