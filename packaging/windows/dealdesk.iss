; Inno Setup script for Dealdesk on Windows (built by .github/workflows/packages.yml on a Windows
; runner: `iscc /DVersion=0.1.0 packaging\windows\dealdesk.iss` after `pyinstaller packaging\dealdesk.spec`).
; Installs per machine to Program Files, a Start-menu entry, .sqlite files of Dealdesk opened with it;
; uninstalling keeps every user's data (%LOCALAPPDATA%\Dealdesk).

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F0E3B7C-2C1D-4F7A-9C1E-DEA1DE5C0001}
AppName=Dealdesk
AppVersion={#Version}
AppPublisher=Dealdesk developers
DefaultDirName={autopf}\Dealdesk
DefaultGroupName=Dealdesk
OutputDir=..\..\dist
OutputBaseFilename=dealdesk-{#Version}-windows-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
UninstallDisplayIcon={app}\dealdesk.exe
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Files]
Source: "..\..\dist\dealdesk-{#Version}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Dealdesk"; Filename: "{app}\dealdesk.exe"
Name: "{group}\{cm:UninstallProgram,Dealdesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Dealdesk"; Filename: "{app}\dealdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; "Open with Dealdesk" for database files (not the default for every .sqlite: other programs use them too).
Root: HKA; Subkey: "Software\Classes\Dealdesk.Database"; ValueType: string; ValueData: "Dealdesk database"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Dealdesk.Database\DefaultIcon"; ValueType: string; ValueData: "{app}\dealdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\Dealdesk.Database\shell\open\command"; ValueType: string; ValueData: """{app}\dealdesk.exe"" --db ""%1"""
Root: HKA; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "Dealdesk.Database"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\dealdesk.exe"; Description: "{cm:LaunchProgram,Dealdesk}"; Flags: nowait postinstall skipifsilent
